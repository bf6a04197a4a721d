package dev.flinkedge.connectors.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.TestAbortedException;

/** The end-of-run block lists tests skipped for a missing file, once per file, and only them. */
class MissingFilesReportTest {

    /** A test method of this class, named as the report names it. */
    private static TestIdentifier test(String method) {
        UniqueId id = UniqueId.root("test", method);
        MethodSource source = MethodSource.from(MissingFilesReportTest.class.getName(), method);
        return TestIdentifier.from(
                new AbstractTestDescriptor(id, method + "()", source) {
                    @Override
                    public TestDescriptor.Type getType() {
                        return TestDescriptor.Type.TEST;
                    }
                });
    }

    private static TestExecutionResult missing(String name, String fix) {
        return TestExecutionResult.aborted(new MissingFileAbort(name, fix, name + " is missing"));
    }

    @Test
    void listsEachMissingFileWithItsFixAndTheTestsItSkipped() {
        MissingFilesReport report = new MissingFilesReport();
        report.testPlanExecutionStarted(null);

        report.executionFinished(test("detects"), missing("yolov8n.onnx", TestAssets.MODEL_FIX));
        report.executionFinished(test("shares"), missing("yolov8n.onnx", TestAssets.MODEL_FIX));
        report.executionFinished(test("decodes"), missing("vtest.avi", TestAssets.MEDIA_FIX));
        report.executionFinished(
                test("noDocker"), TestExecutionResult.aborted(new TestAbortedException("Docker")));
        report.executionFinished(test("passes"), TestExecutionResult.successful());

        assertThat(report.render().lines())
                .containsExactly(
                        "SKIPPED for missing assets (CI=true fails instead):",
                        "  vtest.avi — run bin/fetch-assets to fetch it (needs apt-get)"
                                + " [1 test: MissingFilesReportTest.decodes]",
                        "  yolov8n.onnx — run bin/fetch-assets to fetch it (needs npm)"
                                + " [2 tests: MissingFilesReportTest.detects,"
                                + " MissingFilesReportTest.shares]");
    }

    @Test
    void saysNothingWhenNoTestWasSkippedForAFile() {
        MissingFilesReport report = new MissingFilesReport();
        report.testPlanExecutionStarted(null);

        report.executionFinished(
                test("noDocker"), TestExecutionResult.aborted(new TestAbortedException("Docker")));

        assertThat(report.render()).isEmpty();
    }
}

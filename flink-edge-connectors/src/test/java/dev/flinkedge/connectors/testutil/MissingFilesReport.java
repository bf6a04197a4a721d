package dev.flinkedge.connectors.testutil;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists, at the end of a module's test run, the tests skipped because a file was missing ({@link
 * MissingFileAbort}), one line per file with its fix, so that a green build outside CI still says
 * what it did not test. Registered through {@code META-INF/services} in this module's test-jar, so
 * every module whose tests use {@link TestFiles} gets it.
 */
public final class MissingFilesReport implements TestExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(MissingFilesReport.class);

    /** "name — fix" to the names of the tests skipped for it, sorted by that line. */
    private final Map<String, List<String>> skipped = new TreeMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        skipped.clear();
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED
                && result.getThrowable().orElse(null) instanceof MissingFileAbort missing) {
            String line = missing.name() + " — " + missing.fix();
            skipped.computeIfAbsent(line, k -> new ArrayList<>()).add(name(test));
        }
    }

    /** {@code Class.method} for a test method, the class for a class, else the display name. */
    private static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return simpleName(method.getClassName()) + "." + method.getMethodName();
        }
        if (source instanceof ClassSource type) {
            return simpleName(type.getClassName());
        }
        return test.getDisplayName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String block = render();
        if (!block.isEmpty()) {
            LOG.warn("{}", block);
        }
    }

    /** The report block, or an empty string when no test was skipped for a missing file. */
    String render() {
        if (skipped.isEmpty()) {
            return "";
        }
        StringBuilder out =
                new StringBuilder("SKIPPED for missing assets (CI=true fails instead):");
        skipped.forEach(
                (line, tests) ->
                        out.append("\n  ")
                                .append(line)
                                .append(" [")
                                .append(tests.size())
                                .append(tests.size() == 1 ? " test: " : " tests: ")
                                .append(String.join(", ", tests))
                                .append(']'));
        return out.toString();
    }
}

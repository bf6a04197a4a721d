package dev.flinkedge.connectors.testutil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A missing file skips a test outside CI and fails it under {@code CI=true}. */
class TestFilesTest {

    @TempDir Path dir;

    private static TestFiles withEnv(Map<String, String> env) {
        return new TestFiles(env::get);
    }

    @Test
    void underCiAMissingFileFailsWithItsNamePathAndFix() {
        Path missing = dir.resolve("models/yolov8n.onnx");

        assertThatThrownBy(
                        () ->
                                withEnv(Map.of("CI", "true"))
                                        .check(missing, "yolov8n.onnx", TestAssets.MODEL_FIX))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("yolov8n.onnx is missing")
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("run bin/fetch-assets to fetch it (needs npm)")
                .hasMessageContaining("CI=true");
    }

    @ParameterizedTest(name = "CI={0}")
    @NullSource
    @ValueSource(strings = {"false", ""})
    void outsideCiAMissingFileSkipsTheTestWithItsNameAndFix(String ci) {
        Path missing = dir.resolve("media/vtest.avi");
        TestFiles files = new TestFiles(name -> "CI".equals(name) ? ci : null);

        assertThatThrownBy(() -> files.check(missing, "vtest.avi", TestAssets.MEDIA_FIX))
                .isInstanceOf(TestAbortedException.class)
                .isInstanceOfSatisfying(
                        MissingFileAbort.class,
                        abort -> {
                            assertThat(abort.name()).isEqualTo("vtest.avi");
                            assertThat(abort.fix()).isEqualTo(TestAssets.MEDIA_FIX);
                        })
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("needs apt-get");
    }

    @Test
    void aPresentFileIsReturnedInCiAndOutside() throws IOException {
        Path file = Files.writeString(dir.resolve("car1.jpg"), "jpeg");

        assertThat(withEnv(Map.of("CI", "true")).check(file, "car1.jpg", "fix")).isEqualTo(file);
        assertThat(withEnv(Map.of()).check(file, "car1.jpg", "fix")).isEqualTo(file);
    }

    @Test
    void aMissingCommittedFileFailsEvenOutsideCi() {
        Path missing = dir.resolve("k8s/crds/flinkdeployments.flink.apache.org-v1.yml");

        assertThatThrownBy(() -> TestFiles.requireCommitted(missing, "git checkout k8s/crds"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("git checkout k8s/crds");
    }
}

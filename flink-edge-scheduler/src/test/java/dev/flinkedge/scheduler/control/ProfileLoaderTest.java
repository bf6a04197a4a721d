package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ProfileLoaderTest {

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Profile profile =
                new Profile(
                        "synthetic scene, yolov8n",
                        List.of(
                                new ProfileEntry(new VideoConfig(1280, 720, 10), 0.91, 90, 95_000),
                                new ProfileEntry(new VideoConfig(640, 360, 5), 0.8, 28, 27_000)));
        Path file = dir.resolve("profile.json");
        Files.write(file, ProfileLoader.toJson(profile));

        assertThat(ProfileLoader.load(file)).isEqualTo(profile);
        assertThat(ProfileSource.file(file).load()).isEqualTo(profile);
        assertThat(profile.mostAccurate().config()).isEqualTo(new VideoConfig(1280, 720, 10));
    }

    @Test
    void errorsNameTheFileTheEntryAndTheProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        write(
                file,
                "{\"description\": \"x\", \"configurations\": [{\"width\": 640, \"height\": 360,"
                        + " \"fps\": 10, \"accuracy\": 1.5, \"processingMsPerFrame\": 10,"
                        + " \"bytesPerFrame\": 100}]}");
        assertThatThrownBy(() -> ProfileLoader.load(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("configurations[0]")
                .hasMessageContaining("accuracy 1.5 must be in [0, 1]");

        write(file, "{\"description\": \"x\", \"configurations\": [], \"extra\": 1}");
        assertThatThrownBy(() -> ProfileLoader.load(file)).hasMessageContaining("extra");

        write(file, "{\"description\": \"x\", \"configurations\": []}");
        assertThatThrownBy(() -> ProfileLoader.load(file))
                .hasMessageContaining("at least one configuration");

        assertThatThrownBy(() -> ProfileLoader.load(dir.resolve("missing.json")))
                .hasMessageContaining("does not exist");
    }

    private static void write(Path file, String json) throws Exception {
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }
}

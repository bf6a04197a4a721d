package dev.flinkedge.jobs.vision;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The models and media {@code bin/fetch-assets} fetches, found through the system property
 * {@code flinkedge.assets} (set by the jobs pom). Tests that need one skip when it is absent.
 */
final class TestAssets {

    private TestAssets() {}

    /** The YOLOv8n detector, or a skipped test. */
    static Path yolov8n() {
        return require("models/yolov8n.onnx");
    }

    /** A file of {@code media/}, or a skipped test. */
    static Path media(String name) {
        return require("media/" + name);
    }

    private static Path require(String relative) {
        String dir = System.getProperty("flinkedge.assets", "work/assets");
        Path file = Path.of(dir).resolve(relative);
        assumeTrue(Files.isRegularFile(file), () -> file.toAbsolutePath() + " is missing;"
                + " run bin/fetch-assets to fetch the test models and media");
        return file;
    }
}

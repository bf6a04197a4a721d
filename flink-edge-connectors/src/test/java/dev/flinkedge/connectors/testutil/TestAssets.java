package dev.flinkedge.connectors.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The models and media {@code bin/fetch-assets} fetches, in the assets directory: the system
 * property {@value #DIR_PROPERTY} (the parent pom sets it for every module's tests, from {@code
 * FLINKEDGE_ASSETS} when that is set), else {@code work/assets} of the repository. Checked through
 * {@link TestFiles}: missing, the calling test is skipped, or fails under {@code CI=true}.
 */
public final class TestAssets {

    /** System property naming the assets directory (with {@code models/} and {@code media/}). */
    public static final String DIR_PROPERTY = "flinkedge.assets";

    /** The fix for a missing model: {@code npm pack} fetches it. */
    public static final String MODEL_FIX = "run bin/fetch-assets to fetch it (needs npm)";

    /** The fix for a missing medium: {@code apt-get download} fetches it from Debian packages. */
    public static final String MEDIA_FIX = "run bin/fetch-assets to fetch it (needs apt-get)";

    private TestAssets() {}

    /** The YOLOv8n detector, {@code models/yolov8n.onnx}. */
    public static Path yolov8n() {
        return model(dir().resolve("models").resolve("yolov8n.onnx"));
    }

    /** A model file where the code under test looks for it (e.g. {@code ModelFiles}). */
    public static Path model(Path file) {
        return TestFiles.require(file, file.getFileName().toString(), MODEL_FIX);
    }

    /** A file of {@code media/}: {@code vtest.avi}, {@code car1.jpg}, {@code car2.jpg}, ... */
    public static Path media(String name) {
        return TestFiles.require(dir().resolve("media").resolve(name), name, MEDIA_FIX);
    }

    /** The assets directory. */
    public static Path dir() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("bin/fetch-assets"))) {
                return d.resolve("work/assets");
            }
        }
        return Path.of("work", "assets");
    }
}

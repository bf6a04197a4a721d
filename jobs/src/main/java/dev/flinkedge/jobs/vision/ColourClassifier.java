package dev.flinkedge.jobs.vision;

import java.awt.image.BufferedImage;

/**
 * Names the dominant colour of a vehicle from a hue/saturation/value histogram over its box.
 */
public final class ColourClassifier {

    private ColourClassifier() {}

    /** The colour name (e.g. {@code red}, {@code white}) of the object in {@code box}. */
    public static String classify(BufferedImage image, Box box) {
        throw new UnsupportedOperationException("issue #4: being written");
    }
}

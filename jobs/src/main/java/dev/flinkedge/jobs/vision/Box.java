package dev.flinkedge.jobs.vision;

import java.io.Serializable;

/**
 * An axis-aligned box in pixels of the image it was found in.
 *
 * @param x left edge
 * @param y top edge
 * @param width width, at least 1
 * @param height height, at least 1
 */
public record Box(int x, int y, int width, int height) implements Serializable {
    public Box {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "box must be at least 1x1, got " + width + "x" + height);
        }
    }

    /** Intersection over union with {@code other}, in [0, 1]. */
    public double iou(Box other) {
        int ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        int iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        double inter = (double) ix * iy;
        double union = (double) width * height + (double) other.width * other.height - inter;
        return union <= 0 ? 0 : inter / union;
    }
}

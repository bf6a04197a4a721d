package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.model.CameraPolicy;

import java.util.Locale;

/**
 * What a camera delivers: resolution and frame rate, the two knobs the controller turns.
 *
 * @param width pixels, {@code > 0}
 * @param height pixels, {@code > 0}
 * @param fps frames per second, {@code > 0}
 */
public record VideoConfig(int width, int height, double fps) {

    /** Checks the fields. */
    public VideoConfig {
        if (width <= 0 || height <= 0 || !(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException(
                    "Video configuration "
                            + width
                            + "x"
                            + height
                            + "@"
                            + fps
                            + " needs a positive size and a finite fps > 0");
        }
    }

    /** The resolution and rate of {@code policy}. */
    public static VideoConfig of(CameraPolicy policy) {
        return new VideoConfig(policy.width(), policy.height(), policy.fps());
    }

    /**
     * This configuration with width and height scaled by {@code scale} (rounded to even pixel
     * counts, at least 2) and the frame rate by {@code rate}.
     *
     * @throws IllegalArgumentException if a factor is not a finite number > 0
     */
    public VideoConfig scaled(double scale, double rate) {
        if (!(scale > 0) || !(rate > 0) || Double.isInfinite(scale) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(
                    "Scale " + scale + " and rate " + rate + " must be finite numbers > 0");
        }
        return new VideoConfig(evenPixels(width * scale), evenPixels(height * scale), fps * rate);
    }

    private static int evenPixels(double pixels) {
        return Math.max(2, (int) Math.round(pixels / 2) * 2);
    }

    /** Pixels per second: the cost measure the ladders and the feedback budget use. */
    public double pixelRate() {
        return (double) width * height * fps;
    }

    /** {@code policy} with this resolution and rate; offload and version unchanged. */
    public CameraPolicy applyTo(CameraPolicy policy) {
        return new CameraPolicy(
                policy.cameraId(), fps, width, height, policy.offload(), policy.version());
    }

    @Override
    public String toString() {
        return width + "x" + height + "@" + String.format(Locale.ROOT, "%.1f", fps);
    }
}

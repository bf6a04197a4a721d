package dev.flinkedge.scheduler.control;

import java.util.Objects;

/**
 * The measured accuracy and cost of one camera configuration (Chameleon's and AWStream's profile
 * row): how well the pipeline's results match the ground truth at this resolution and frame rate,
 * and what it costs to compute and to ship.
 *
 * @param config resolution and frame rate
 * @param accuracy agreement with the ground truth (e.g. detection F1), in [0, 1]
 * @param processingMsPerFrame CPU time one frame takes on one core, {@code > 0}
 * @param bytesPerFrame encoded size of one frame, {@code > 0}
 */
public record ProfileEntry(
        VideoConfig config, double accuracy, double processingMsPerFrame, long bytesPerFrame) {

    /** Checks the fields; messages name the configuration. */
    public ProfileEntry {
        Objects.requireNonNull(config, "config");
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException(
                    "Profile entry " + config + ": accuracy " + accuracy + " must be in [0, 1]");
        }
        if (!(processingMsPerFrame > 0) || Double.isInfinite(processingMsPerFrame)) {
            throw new IllegalArgumentException(
                    "Profile entry "
                            + config
                            + ": processingMsPerFrame "
                            + processingMsPerFrame
                            + " must be a finite number > 0");
        }
        if (bytesPerFrame <= 0) {
            throw new IllegalArgumentException(
                    "Profile entry "
                            + config
                            + ": bytesPerFrame "
                            + bytesPerFrame
                            + " must be > 0");
        }
    }

    /** Megabits per second a camera in this configuration ships. */
    public double bitrateMbps() {
        return bytesPerFrame * 8.0 * config.fps() / 1e6;
    }

    /** CPU cores a camera in this configuration keeps busy. */
    public double cores() {
        return processingMsPerFrame * config.fps() / 1000;
    }
}

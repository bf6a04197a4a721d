package dev.flinkedge.connectors.source.camera.reader;

import org.apache.flink.annotation.Internal;

/**
 * Decides which native frames to keep so that a camera running at its native rate delivers a lower
 * target rate: every native frame adds {@code target / native} credit and a frame is kept whenever
 * a whole credit is available. 10 fps sampled to 2 fps keeps every fifth frame; the first frame is
 * always kept. A changed target applies from the next frame on.
 */
@Internal
public final class FpsSampler {

    private static final double EPSILON = 1e-9;

    private double credit = 1.0;

    /**
     * Whether to keep the next native frame.
     *
     * @param targetFps rate to deliver, {@code > 0}
     * @param nativeFps rate of the camera, {@code > 0}
     */
    public boolean keep(double targetFps, double nativeFps) {
        if (targetFps >= nativeFps) {
            credit = 1.0;
            return true;
        }
        if (credit + EPSILON >= 1.0) {
            credit -= 1.0;
            credit += targetFps / nativeFps;
            return true;
        }
        credit += targetFps / nativeFps;
        return false;
    }
}

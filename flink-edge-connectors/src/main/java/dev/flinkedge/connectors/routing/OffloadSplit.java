package dev.flinkedge.connectors.routing;

import org.apache.flink.annotation.Internal;

/**
 * Decides per sequence number whether a frame is offloaded, so that any run of consecutive frames
 * sends very nearly {@code fraction} of them: frame {@code n} goes when the fractional part of
 * {@code n × φ⁻¹} (φ the golden ratio) is below {@code fraction}. The decision depends only on the
 * sequence number and the fraction, so replays and parallel routers agree, and unlike {@code n mod
 * 100 < 100 × fraction} it spreads offloaded frames evenly instead of in bursts.
 */
@Internal
public final class OffloadSplit {

    /** φ⁻¹ = (√5 − 1) / 2: the Weyl sequence with the most even gaps. */
    private static final double INVERSE_GOLDEN_RATIO = 0.6180339887498949;

    private OffloadSplit() {}

    /**
     * Whether frame {@code sequence} is offloaded at {@code fraction}.
     *
     * @param sequence the frame's sequence number, {@code >= 0}
     * @param fraction share of frames to offload, in [0, 1]
     */
    public static boolean offloads(long sequence, double fraction) {
        if (fraction <= 0) {
            return false;
        }
        if (fraction >= 1) {
            return true;
        }
        double x = sequence * INVERSE_GOLDEN_RATIO;
        return x - Math.floor(x) < fraction;
    }
}

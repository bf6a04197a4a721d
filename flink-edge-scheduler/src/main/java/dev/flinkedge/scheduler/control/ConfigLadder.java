package dev.flinkedge.scheduler.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The configurations the feedback policies step through, made from a camera's best configuration:
 * resolutions scaled by 1, ¾, ½, ⅜ and ¼ (even pixel counts) times frame rates scaled by 1, 0.8,
 * 0.6, 0.5, 0.4, 0.3, 0.2 and 0.1 (not below a floor, 1 fps unless told otherwise, or the best rate
 * if that is lower). The cost of a configuration is its frame rate relative to the best one times
 * the share of a frame's cost its resolution leaves: with a frame-cost share {@code f}, a frame
 * costs {@code f + (1 − f) × pixels / best pixels}. With {@code f = 0} (the default) cost is the
 * pixel rate; a detector with a fixed input size (YOLO letterboxes every frame to 640×640) costs
 * nearly the same per frame at any resolution, {@code f} near 1.
 *
 * <pre>{@code
 * ConfigLadder ladder = ConfigLadder.from(new VideoConfig(1280, 720, 10));
 * ladder.within(0.3);   // 640x360@10.0: the costliest rung that costs at most 30 %
 * }</pre>
 */
public final class ConfigLadder {

    private static final double[] SCALES = {1, 0.75, 0.5, 0.375, 0.25};
    private static final double[] RATES = {1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1};
    private static final double DEFAULT_MIN_FPS = 1;

    private final VideoConfig best;
    private final double frameCostShare;
    private final List<VideoConfig> rungs;

    private ConfigLadder(VideoConfig best, double frameCostShare, List<VideoConfig> rungs) {
        this.best = best;
        this.frameCostShare = frameCostShare;
        this.rungs = rungs;
    }

    /** The ladder below {@code best}, not below 1 fps. */
    public static ConfigLadder from(VideoConfig best) {
        return from(best, DEFAULT_MIN_FPS);
    }

    /**
     * The ladder below {@code best}, not below {@code floorFps} (or the best rate if lower).
     *
     * @throws IllegalArgumentException if {@code floorFps} is not a finite number > 0
     */
    public static ConfigLadder from(VideoConfig best, double floorFps) {
        return from(best, floorFps, 0);
    }

    /**
     * The ladder below {@code best}, not below {@code floorFps} (or the best rate if lower), whose
     * costs count {@code frameCostShare} of a frame's cost as independent of its resolution.
     *
     * @throws IllegalArgumentException if {@code floorFps} is not a finite number > 0 or {@code
     *     frameCostShare} is outside [0, 1]
     */
    public static ConfigLadder from(VideoConfig best, double floorFps, double frameCostShare) {
        if (!(floorFps > 0) || Double.isInfinite(floorFps)) {
            throw new IllegalArgumentException(
                    "Ladder floor " + floorFps + " fps must be a finite number > 0");
        }
        if (!(frameCostShare >= 0 && frameCostShare <= 1)) {
            throw new IllegalArgumentException(
                    "Frame-cost share " + frameCostShare + " must be in [0, 1]");
        }
        List<VideoConfig> rungs = new ArrayList<>();
        double minFps = Math.min(floorFps, best.fps());
        for (double scale : SCALES) {
            for (double rate : RATES) {
                if (best.fps() * rate >= minFps - 1e-9) {
                    rungs.add(best.scaled(scale, rate));
                }
            }
        }
        // Costliest first; at equal cost the higher resolution, which detectors need more.
        rungs.sort(
                Comparator.comparingDouble((VideoConfig c) -> cost(best, frameCostShare, c))
                        .reversed()
                        .thenComparing(Comparator.comparingInt(VideoConfig::width).reversed()));
        return new ConfigLadder(best, frameCostShare, List.copyOf(rungs));
    }

    private static double cost(VideoConfig best, double frameCostShare, VideoConfig c) {
        double pixels = (double) c.width() * c.height() / ((double) best.width() * best.height());
        return c.fps() / best.fps() * (frameCostShare + (1 - frameCostShare) * pixels);
    }

    /** The best configuration, cost 1. */
    public VideoConfig best() {
        return best;
    }

    /** The cheapest rung. */
    public VideoConfig cheapest() {
        return rungs.get(rungs.size() - 1);
    }

    /** Every rung, costliest first. */
    public List<VideoConfig> rungs() {
        return rungs;
    }

    /** The cost of {@code config} relative to the best configuration (see the class doc). */
    public double cost(VideoConfig config) {
        return cost(best, frameCostShare, config);
    }

    /** The costliest rung whose cost is at most {@code budget}; the cheapest if none is. */
    public VideoConfig within(double budget) {
        for (VideoConfig rung : rungs) {
            if (cost(rung) <= budget + 1e-9) {
                return rung;
            }
        }
        return cheapest();
    }
}

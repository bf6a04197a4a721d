package dev.flinkedge.scheduler.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The configurations the feedback policies step through, made from a camera's best configuration:
 * resolutions scaled by 1, ¾, ½, ⅜ and ¼ (even pixel counts) times frame rates scaled by 1, 0.8,
 * 0.6, 0.5, 0.4, 0.3, 0.2 and 0.1 (not below a floor, 1 fps unless told otherwise, or the best
 * rate if that is lower). The cost of a configuration is its pixel rate relative to the best one.
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
    private final List<VideoConfig> rungs;

    private ConfigLadder(VideoConfig best, List<VideoConfig> rungs) {
        this.best = best;
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
        if (!(floorFps > 0) || Double.isInfinite(floorFps)) {
            throw new IllegalArgumentException(
                    "Ladder floor " + floorFps + " fps must be a finite number > 0");
        }
        List<VideoConfig> rungs = new ArrayList<>();
        double minFps = Math.min(floorFps, best.fps());
        for (double scale : SCALES) {
            int w = Math.max(2, (int) Math.round(best.width() * scale / 2) * 2);
            int h = Math.max(2, (int) Math.round(best.height() * scale / 2) * 2);
            for (double rate : RATES) {
                double fps = best.fps() * rate;
                if (fps >= minFps - 1e-9) {
                    rungs.add(new VideoConfig(w, h, fps));
                }
            }
        }
        // Costliest first; at equal cost the higher resolution, which detectors need more.
        rungs.sort(
                Comparator.comparingDouble(VideoConfig::pixelRate)
                        .reversed()
                        .thenComparing(Comparator.comparingInt(VideoConfig::width).reversed()));
        return new ConfigLadder(best, List.copyOf(rungs));
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

    /** The pixel rate of {@code config} relative to the best configuration. */
    public double cost(VideoConfig config) {
        return config.pixelRate() / best.pixelRate();
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

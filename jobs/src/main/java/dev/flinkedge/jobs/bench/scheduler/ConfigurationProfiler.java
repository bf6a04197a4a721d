package dev.flinkedge.jobs.bench.scheduler;

import com.sun.management.OperatingSystemMXBean;

import dev.flinkedge.connectors.source.camera.reader.FpsSampler;
import dev.flinkedge.connectors.source.camera.reader.FrameEncoder;
import dev.flinkedge.connectors.source.camera.reader.feed.SourceImage;
import dev.flinkedge.connectors.source.camera.synthetic.SyntheticTrafficScene;
import dev.flinkedge.jobs.bench.workload.DetectedObject;
import dev.flinkedge.jobs.traffic.VehicleImages;
import dev.flinkedge.scheduler.control.Profile;
import dev.flinkedge.scheduler.control.ProfileEntry;
import dev.flinkedge.scheduler.control.VideoConfig;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The profiling pass (Chameleon's, offline): renders a stretch of the synthetic scene at the
 * cameras' native rate and measures every configuration — resolution × frame rate — with the real
 * models: detection F1 on every native frame ({@link Timeline}), F1 and plate accuracy on the
 * frames analysed, bytes per frame as the camera source encodes them and CPU time per frame
 * (rendering, scaling, encoding, decoding, detection, plate reading). Each frame is analysed once
 * per resolution; the frame rates take the frames the camera's own sampler would keep. Run it while
 * nothing else runs in the JVM: the CPU time is the process's.
 */
public final class ConfigurationProfiler {

    /** Resolutions profiled, as shares of the best one (the controller's ladder's steps). */
    static final double[] SCALES = {1, 0.75, 0.5, 0.25};

    /** Frame rates profiled, as shares of the best one. */
    static final double[] RATES = {1, 0.5, 0.25};

    private final Settings settings;
    private final VehicleAnalyser analyser;
    private final Consumer<String> progress;
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * What to profile.
     *
     * @param seeds scenes to profile, one segment each
     * @param nativeWidth the cameras' native width
     * @param nativeHeight the cameras' native height
     * @param nativeFps the cameras' native frame rate
     * @param segmentSeconds seconds of scene per seed
     * @param best the best configuration; others are shares of it
     * @param jpegQuality the cameras' JPEG quality
     */
    public record Settings(
            List<Long> seeds,
            int nativeWidth,
            int nativeHeight,
            double nativeFps,
            double segmentSeconds,
            VideoConfig best,
            float jpegQuality) {
        /** Checks the fields. */
        public Settings {
            seeds = List.copyOf(seeds);
            Objects.requireNonNull(best, "best");
            if (seeds.isEmpty()
                    || !(segmentSeconds > 0)
                    || !(nativeFps > 0)
                    || best.fps() > nativeFps) {
                throw new IllegalArgumentException(
                        "profiling needs a seed, a positive segment"
                                + " and native rate, and a best rate at most the native "
                                + nativeFps
                                + " fps; got "
                                + seeds
                                + ", "
                                + segmentSeconds
                                + " s, best "
                                + best);
            }
        }
    }

    /**
     * One profiled configuration.
     *
     * @param config resolution and frame rate
     * @param timelineF1 detection F1 on every native frame
     * @param frameF1 detection F1 on the analysed frames
     * @param plateAccuracy share of plate readings that were correct
     * @param cpuMsPerFrame CPU milliseconds (all cores) per analysed frame
     * @param bytesPerFrame mean JPEG size
     */
    public record Measured(
            VideoConfig config,
            double timelineF1,
            double frameF1,
            double plateAccuracy,
            double cpuMsPerFrame,
            long bytesPerFrame) {}

    /**
     * @param analyser the models, opened
     * @param progress one line per resolution
     */
    public ConfigurationProfiler(
            Settings settings, VehicleAnalyser analyser, Consumer<String> progress) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.analyser = Objects.requireNonNull(analyser, "analyser");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Measures every configuration; best first, then by falling resolution and rate. */
    public List<Measured> run() throws IOException {
        Map<VideoConfig, Sums> sums = new LinkedHashMap<>();
        List<int[]> sizes = sizes();
        List<Double> rates = rates();
        for (int[] size : sizes) {
            for (double fps : rates) {
                sums.put(new VideoConfig(size[0], size[1], fps), new Sums());
            }
        }
        long frames = Math.round(settings.segmentSeconds() * settings.nativeFps());
        Map<Double, TreeSet<Long>> kept = keptFrames(rates, frames);
        TreeSet<Long> analysed = new TreeSet<>();
        kept.values().forEach(analysed::addAll);
        try (FrameEncoder encoder = new FrameEncoder(settings.jpegQuality())) {
            for (long seed : settings.seeds()) {
                SyntheticTrafficScene scene =
                        new SyntheticTrafficScene(
                                seed, settings.nativeWidth(), settings.nativeHeight());
                Map<String, Timeline> timelines = new HashMap<>();
                for (long n : analysed) {
                    long cpu0 = os.getProcessCpuTime();
                    SyntheticTrafficScene.Rendering r =
                            scene.render(Timeline.sceneTimeMs(n, settings.nativeFps()));
                    long renderNanos = os.getProcessCpuTime() - cpu0;
                    for (int[] size : sizes) {
                        long c0 = os.getProcessCpuTime();
                        FrameEncoder.EncodedImage jpeg =
                                encoder.encode(
                                        new SourceImage(r.image(), r.truth()), size[0], size[1]);
                        BufferedImage decoded = VehicleImages.decodeJpeg(jpeg.jpeg());
                        List<DetectedObject> objects = analyser.analyse(decoded);
                        long cpu = renderNanos + os.getProcessCpuTime() - c0;
                        Score score = Score.of(objects, jpeg.truth());
                        for (double fps : rates) {
                            if (!kept.get(fps).contains(n)) {
                                continue;
                            }
                            sums.get(new VideoConfig(size[0], size[1], fps))
                                    .add(score, cpu, jpeg.jpeg().length);
                            timelines
                                    .computeIfAbsent(
                                            size[0] + "@" + fps,
                                            k -> new Timeline(scene, settings.nativeFps()))
                                    .answer(
                                            Timeline.sceneTimeMs(n, settings.nativeFps()),
                                            size[0],
                                            size[1],
                                            objects);
                        }
                    }
                }
                for (int[] size : sizes) {
                    for (double fps : rates) {
                        sums.get(new VideoConfig(size[0], size[1], fps)).timeline =
                                sums.get(new VideoConfig(size[0], size[1], fps))
                                        .timeline
                                        .plus(timelines.get(size[0] + "@" + fps).score(frames - 1));
                    }
                }
                progress.accept(
                        String.format(
                                Locale.ROOT,
                                "profiled seed %d: %d frames at %d" + " resolutions",
                                seed,
                                analysed.size(),
                                sizes.size()));
            }
        }
        List<Measured> out = new ArrayList<>();
        sums.forEach((config, s) -> out.add(s.measured(config)));
        return out;
    }

    /** How many configurations a pass measures. */
    public static int configurations() {
        return SCALES.length * RATES.length;
    }

    /** The profile the scheduler reads: accuracy = detection F1 on every native frame. */
    public static Profile toProfile(List<Measured> measured, String description) {
        List<ProfileEntry> entries = new ArrayList<>();
        for (Measured m : measured) {
            entries.add(
                    new ProfileEntry(
                            m.config(),
                            round(m.timelineF1()),
                            Math.max(0.001, round(m.cpuMsPerFrame())),
                            Math.max(1, m.bytesPerFrame())));
        }
        return new Profile(description, entries);
    }

    private List<int[]> sizes() {
        List<int[]> sizes = new ArrayList<>();
        for (double scale : SCALES) {
            VideoConfig scaled = settings.best().scaled(scale, 1);
            sizes.add(new int[] {scaled.width(), scaled.height()});
        }
        return sizes;
    }

    private List<Double> rates() {
        List<Double> rates = new ArrayList<>();
        for (double rate : RATES) {
            rates.add(settings.best().fps() * rate);
        }
        return rates;
    }

    /** The native frames a camera's sampler keeps at each rate. */
    private Map<Double, TreeSet<Long>> keptFrames(List<Double> rates, long frames) {
        Map<Double, TreeSet<Long>> kept = new HashMap<>();
        for (double fps : rates) {
            FpsSampler sampler = new FpsSampler();
            TreeSet<Long> set = new TreeSet<>();
            for (long n = 0; n < frames; n++) {
                if (sampler.keep(fps, settings.nativeFps())) {
                    set.add(n);
                }
            }
            kept.put(fps, set);
        }
        return kept;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** What one configuration accumulated. */
    private static final class Sums {
        Score frames = Score.ZERO;
        Score timeline = Score.ZERO;
        long cpuNanos;
        long bytes;
        long count;

        void add(Score score, long cpu, long size) {
            frames = frames.plus(score);
            cpuNanos += cpu;
            bytes += size;
            count++;
        }

        Measured measured(VideoConfig config) {
            return new Measured(
                    config,
                    timeline.f1(),
                    frames.f1(),
                    frames.plateAccuracy(),
                    count == 0 ? 0 : cpuNanos / 1e6 / count,
                    count == 0 ? 0 : bytes / count);
        }
    }
}

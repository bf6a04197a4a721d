package dev.flinkedge.jobs.bench.scheduler;

import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.source.camera.reader.FrameEncoder;
import dev.flinkedge.connectors.source.camera.synthetic.SyntheticTrafficScene;
import dev.flinkedge.jobs.bench.workload.FrameAnalysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the scene time of each analysed frame of a synthetic camera. A paced camera stamps native
 * frame {@code n} with capture time {@code anchor + n / fps}, so capture time minus scene time is
 * constant until the camera re-anchors after falling far behind. The constant is found by matching
 * a frame's ground truth with the scene's truth at candidate times (scaled as the camera scaled it,
 * so a match is exact), then checked on every frame and searched again around the expected time
 * when a frame does not match.
 */
final class SceneAlignment {

    /** Native frames searched for the first frame: an hour at 10 fps. */
    private static final int FIRST_SEARCH = 36_000;

    /** Native frames searched either side of the expected one after a mismatch. */
    private static final int RESEARCH = 600;

    private SceneAlignment() {}

    /**
     * One analysed frame of the camera.
     *
     * @param captureTimeMs the frame's capture time (its event time)
     * @param analysis what the pipeline made of it, with the frame's ground truth
     */
    record Analysed(long captureTimeMs, FrameAnalysis analysis) {}

    /**
     * The result.
     *
     * @param sceneTimesMs scene time of each frame that matched, by capture time order; the frames
     *     themselves are in {@code frames} at the same index
     * @param frames the frames that matched
     * @param unmatched frames whose truth matched no scene time near the expected one
     * @param reanchors how often the offset between capture and scene time changed
     */
    record Result(List<Long> sceneTimesMs, List<Analysed> frames, int unmatched, int reanchors) {}

    /**
     * Aligns {@code frames} of a camera showing {@code scene} (at its native size) at {@code
     * nativeFps}.
     */
    static Result align(SyntheticTrafficScene scene, double nativeFps, List<Analysed> frames) {
        List<Analysed> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingLong(Analysed::captureTimeMs));
        List<Long> times = new ArrayList<>();
        List<Analysed> matched = new ArrayList<>();
        Long offset = null;
        int unmatched = 0;
        int reanchors = 0;
        for (Analysed f : sorted) {
            GroundTruth truth = f.analysis().truth();
            if (truth == null) {
                unmatched++;
                continue;
            }
            long n = -1;
            if (offset != null) {
                long expected = Math.round((f.captureTimeMs() - offset) * nativeFps / 1000.0);
                if (matches(scene, nativeFps, expected, f.analysis())) {
                    n = expected;
                } else if (!truth.objects().isEmpty()) {
                    n =
                            search(
                                    scene,
                                    nativeFps,
                                    f.analysis(),
                                    Math.max(0, expected - RESEARCH),
                                    expected + RESEARCH);
                }
            } else if (!truth.objects().isEmpty()) {
                // An empty scene matches any empty moment: wait for a frame with vehicles.
                n = search(scene, nativeFps, f.analysis(), 0, FIRST_SEARCH);
            }
            if (n < 0) {
                unmatched++;
                continue;
            }
            long sceneMs = Timeline.sceneTimeMs(n, nativeFps);
            long newOffset = f.captureTimeMs() - sceneMs;
            if (offset != null && newOffset != offset) {
                reanchors++;
            }
            offset = newOffset;
            times.add(sceneMs);
            matched.add(f);
        }
        return new Result(times, matched, unmatched, reanchors);
    }

    private static long search(
            SyntheticTrafficScene scene,
            double nativeFps,
            FrameAnalysis frame,
            long from,
            long to) {
        for (long n = from; n <= to; n++) {
            if (matches(scene, nativeFps, n, frame)) {
                return n;
            }
        }
        return -1;
    }

    private static boolean matches(
            SyntheticTrafficScene scene, double nativeFps, long n, FrameAnalysis frame) {
        if (n < 0) {
            return false;
        }
        GroundTruth expected =
                FrameEncoder.scaleTruth(
                        scene.truthAt(Timeline.sceneTimeMs(n, nativeFps)),
                        scene.width(),
                        scene.height(),
                        frame.width(),
                        frame.height());
        return expected.equals(frame.truth());
    }
}

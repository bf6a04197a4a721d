package dev.flinkedge.jobs.bench.scheduler;

import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.source.camera.synthetic.SyntheticTrafficScene;
import dev.flinkedge.jobs.bench.workload.DetectedObject;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Detection accuracy on every frame of a camera's native rate, as Chameleon measures a
 * configuration: each native frame is answered by the newest analysed frame at or before it (a
 * camera delivering 2 of its 10 fps answers four frames in five with older boxes), and the answer
 * is scored against that frame's ground truth. Lower frame rates and lost frames cost accuracy
 * here, not only lower resolutions. Processing latency does not: a late answer counts as if on
 * time.
 */
final class Timeline {

    private final SyntheticTrafficScene scene;
    private final double nativeFps;
    private final NavigableMap<Long, List<DetectedObject>> answers = new TreeMap<>();

    /**
     * @param scene the camera's scene at its native size
     * @param nativeFps the camera's native frame rate
     */
    Timeline(SyntheticTrafficScene scene, double nativeFps) {
        this.scene = scene;
        this.nativeFps = nativeFps;
    }

    /** Scene time of native frame {@code n}, as the synthetic feed renders it. */
    static long sceneTimeMs(long n, double nativeFps) {
        return Math.round(n * 1000.0 / nativeFps);
    }

    /**
     * Records the analysis of the native frame at {@code sceneTimeMs}, whose picture was {@code
     * width}×{@code height}; plate readings are left out (they are scored once, on the frame read).
     */
    void answer(long sceneTimeMs, int width, int height, List<DetectedObject> objects) {
        double sx = (double) scene.width() / width;
        double sy = (double) scene.height() / height;
        answers.put(
                sceneTimeMs,
                objects.stream()
                        .map(
                                o ->
                                        new DetectedObject(o.label(), o.confidence(), o.box(), null)
                                                .scaled(sx, sy))
                        .toList());
    }

    /** Whether any frame was answered. */
    boolean isEmpty() {
        return answers.isEmpty();
    }

    /**
     * The score of the native frames from the first answered one to {@code lastNative} (inclusive),
     * each answered by the newest answer at or before it.
     */
    Score score(long lastNative) {
        if (answers.isEmpty()) {
            return Score.ZERO;
        }
        long first = (long) Math.ceil(answers.firstKey() * nativeFps / 1000.0 - 1e-9);
        Score total = Score.ZERO;
        for (long n = first; n <= lastNative; n++) {
            long t = sceneTimeMs(n, nativeFps);
            Map.Entry<Long, List<DetectedObject>> answer = answers.floorEntry(t);
            GroundTruth truth = scene.truthAt(t);
            total = total.plus(Score.of(answer == null ? List.of() : answer.getValue(), truth));
        }
        return total;
    }

    /** The native frame of the newest answer, or -1 without answers. */
    long lastAnsweredNative() {
        return answers.isEmpty() ? -1 : Math.round(answers.lastKey() * nativeFps / 1000.0);
    }
}

package dev.flinkedge.jobs.bench.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.source.camera.reader.FrameEncoder;
import dev.flinkedge.connectors.source.camera.synthetic.SyntheticTrafficScene;
import dev.flinkedge.jobs.bench.workload.DetectedObject;
import dev.flinkedge.jobs.bench.workload.FrameAnalysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class SceneAlignmentTest {

    private static final double FPS = 10;
    private final SyntheticTrafficScene scene = new SyntheticTrafficScene(3, 1280, 720);

    @Test
    void recoversSceneTimesFromCaptureTimesAndTruthAcrossAReanchor() {
        List<SceneAlignment.Analysed> frames = new ArrayList<>();
        // Native frames 30, 35, …, 60 captured at 1 000 000 + n × 100 ms, delivered at 640x360;
        // then the camera fell behind and re-anchored: frames 120, 125 arrive 7.3 s later than
        // their scene time says.
        for (long n = 30; n <= 60; n += 5) {
            frames.add(frame(n, 1_000_000 + n * 100));
        }
        frames.add(frame(120, 1_007_300 + 120 * 100));
        frames.add(frame(125, 1_007_300 + 125 * 100));
        // A frame whose truth is no scene time near its capture time: not aligned.
        frames.add(
                new SceneAlignment.Analysed(
                        1_000_000 + 65 * 100,
                        new FrameAnalysis(
                                "cloud",
                                640,
                                360,
                                List.of(),
                                new GroundTruth(
                                        List.of(
                                                new GroundTruth.TruthObject(
                                                        "nope", "car", "red", null, 1, 1, 5,
                                                        5))))));

        SceneAlignment.Result r = SceneAlignment.align(scene, FPS, frames);

        assertThat(r.sceneTimesMs())
                .containsExactly(3000L, 3500L, 4000L, 4500L, 5000L, 5500L, 6000L, 12_000L, 12_500L);
        assertThat(r.unmatched()).isEqualTo(1);
        assertThat(r.reanchors()).isEqualTo(1);
    }

    @Test
    void timelineHoldsTheNewestAnswerForTheFramesInBetween() {
        Timeline everyFrame = new Timeline(scene, FPS);
        Timeline everyFifth = new Timeline(scene, FPS);
        for (long n = 30; n <= 60; n++) {
            List<DetectedObject> perfect = perfect(n);
            everyFrame.answer(n * 100, 1280, 720, perfect);
            if (n % 5 == 0) {
                everyFifth.answer(n * 100, 1280, 720, perfect);
            }
        }

        // Perfect answers on every frame score 1; held for four frames in five, vehicles move
        // away from their boxes and the score drops.
        assertThat(everyFrame.score(60).f1()).isEqualTo(1.0);
        assertThat(everyFifth.score(60).f1()).isLessThan(0.9).isGreaterThan(0.2);
        assertThat(everyFifth.lastAnsweredNative()).isEqualTo(60);
    }

    /** Native frame {@code n} as the camera delivers it at 640x360 and a result with no boxes. */
    private SceneAlignment.Analysed frame(long n, long captureMs) {
        GroundTruth truth = FrameEncoder.scaleTruth(scene.truthAt(n * 100), 1280, 720, 640, 360);
        return new SceneAlignment.Analysed(
                captureMs, new FrameAnalysis("cloud", 640, 360, List.of(), truth));
    }

    /** Boxes exactly on the vehicles of native frame {@code n}. */
    private List<DetectedObject> perfect(long n) {
        return scene.truthAt(n * 100).objects().stream()
                .map(
                        o ->
                                new DetectedObject(
                                        o.cls(),
                                        0.9f,
                                        new dev.flinkedge.jobs.vision.Box(
                                                o.x(), o.y(), o.w(), o.h()),
                                        null))
                .toList();
    }
}

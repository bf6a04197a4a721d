package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Decoding a hand-made [1, 4 + classes, anchors] output. */
class YoloOutputTest {

    // 2 classes, 3 anchors; rows: cx, cy, w, h, score of class 0, score of class 1
    private static final OnnxModel.Tensor OUTPUT =
            new OnnxModel.Tensor(
                    new float[] {
                        100, 200, 300, 50, 60, 70, 20, 40, 10, 10, 30, 10, 0.9f, 0.1f, 0.2f, 0.05f,
                        0.7f, 0.3f
                    },
                    new long[] {1, 6, 3});

    @Test
    void eachAnchorProposesItsBestClassAsCorners() {
        List<Candidate> all = YoloOutput.decode(OUTPUT, 0.25f, new boolean[] {true, true});

        assertThat(all)
                .containsExactly(
                        new Candidate(0, 0.9f, 90, 45, 110, 55),
                        new Candidate(1, 0.7f, 180, 45, 220, 75),
                        new Candidate(1, 0.3f, 295, 65, 305, 75));
    }

    @Test
    void dropsLowScoresAndUnwantedClasses() {
        assertThat(YoloOutput.decode(OUTPUT, 0.5f, new boolean[] {true, true}))
                .extracting(Candidate::score)
                .containsExactly(0.9f, 0.7f);
        // anchor 2's best class is 1, which is not wanted; its class-0 score does not count
        assertThat(YoloOutput.decode(OUTPUT, 0.15f, new boolean[] {true, false}))
                .extracting(Candidate::classIndex, Candidate::score)
                .containsExactly(Tuple.tuple(0, 0.9f));
    }

    @Test
    void classCountChecksTheLayout() {
        assertThat(YoloOutput.classCount(OUTPUT, "m")).isEqualTo(2);
        assertThatThrownBy(
                        () ->
                                YoloOutput.classCount(
                                        new OnnxModel.Tensor(new float[4], new long[] {1, 1, 2, 2}),
                                        "m.onnx"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("m.onnx")
                .hasMessageContaining("[1, 1, 2, 2]");
        assertThatThrownBy(
                        () ->
                                YoloOutput.classCount(
                                        new OnnxModel.Tensor(
                                                new float[8400 * 84], new long[] {1, 8400, 84}),
                                        "m.onnx"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("transposed");
    }
}

package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

import java.util.List;

class CtcDecoderTest {

    /** Classes: 0 blank, 1 "A", 2 "B", 3 "a", 4 "]", 5 space. */
    private static final OcrKeys KEYS = new OcrKeys(List.of("A", "B", "a", "]"));

    /** One step a row; each row gives the probability of classes 0..5. */
    private static float[] steps(float[]... rows) {
        float[] out = new float[rows.length * 6];
        for (int t = 0; t < rows.length; t++) {
            System.arraycopy(rows[t], 0, out, t * 6, 6);
        }
        return out;
    }

    private static float[] step(int cls, float p) {
        float[] row = new float[6];
        row[cls] = p;
        row[0] += 1 - p;
        return row;
    }

    @Test
    void collapsesRepeatsAndDropsBlanks() {
        float[] probs =
                steps(
                        step(1, 0.9f),
                        step(1, 0.8f),
                        step(0, 1f),
                        step(1, 0.7f),
                        step(2, 0.6f),
                        step(5, 0.95f),
                        step(2, 0.99f));

        CtcDecoder.Decoded decoded = CtcDecoder.plain(KEYS).decode(probs, 7, 6);

        // "AA" collapses, the blank separates the second A, the space survives.
        assertThat(decoded.text()).isEqualTo("AAB B");
        assertThat(decoded.charProbs()).containsExactly(0.9f, 0.7f, 0.6f, 0.95f, 0.99f);
        assertThat(decoded.confidence()).isCloseTo(0.828f, offset(1e-4f));
    }

    @Test
    void foldingPoolsAliasesAndNeverEmitsDroppedClasses() {
        CtcDecoder plates = new CtcDecoder(KEYS, PlateSyntax::fold);
        // Step 0: "a" 0.4 and "A" 0.3 pool to 0.7 for A; a plain decoder picks "a".
        float[] pooled = {0.05f, 0.3f, 0.25f, 0.4f, 0f, 0f};
        // Step 1: "]" 0.68 is no plate character; its step yields the best one, B at 0.27.
        float[] bracket = {0.05f, 0f, 0.27f, 0f, 0.68f, 0f};

        CtcDecoder.Decoded decoded = plates.decode(steps(pooled, bracket), 2, 6);

        assertThat(decoded.text()).isEqualTo("AB");
        assertThat(decoded.charProbs()[0]).isCloseTo(0.7f, offset(1e-6f));
        assertThat(decoded.charProbs()[1]).isEqualTo(0.27f);
        assertThat(CtcDecoder.plain(KEYS).decode(steps(pooled, bracket), 2, 6).text())
                .isEqualTo("a]");
    }

    @Test
    void emptyReadingHasZeroConfidence() {
        CtcDecoder.Decoded decoded =
                CtcDecoder.plain(KEYS).decode(steps(step(0, 1f), step(0, 1f)), 2, 6);

        assertThat(decoded.text()).isEmpty();
        assertThat(decoded.confidence()).isZero();
    }

    @Test
    void rejectsOutputThatDoesNotMatchTheKeys() {
        assertThatThrownBy(() -> CtcDecoder.plain(KEYS).decode(new float[14], 2, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 classes")
                .hasMessageContaining("keys define 6");
        assertThatThrownBy(() -> CtcDecoder.plain(KEYS).decode(new float[6], 2, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x6");
    }
}

package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Class-wise greedy NMS on hand-made boxes. */
class NonMaxSuppressionTest {

    private static Candidate box(int cls, float score, float x1, float y1, float x2, float y2) {
        return new Candidate(cls, score, x1, y1, x2, y2);
    }

    @Test
    void iouOfHandMadeBoxes() {
        Candidate a = box(0, 1, 0, 0, 10, 10);

        assertThat(a.iou(box(0, 1, 5, 0, 15, 10))).isCloseTo(50f / 150, within(1e-6f));
        assertThat(a.iou(box(0, 1, 1, 1, 10, 10))).isCloseTo(0.81f, within(1e-6f));
        assertThat(a.iou(box(0, 1, 10, 0, 20, 10))).isZero();
        assertThat(a.iou(a)).isEqualTo(1f);
    }

    @Test
    void weakerOverlappingBoxOfTheSameClassIsDropped() {
        Candidate strong = box(2, 0.9f, 0, 0, 10, 10);
        Candidate weak = box(2, 0.6f, 1, 1, 10, 10);

        assertThat(NonMaxSuppression.apply(List.of(weak, strong), 0.45f, 300))
                .containsExactly(strong);
    }

    @Test
    void boxesOfDifferentClassesNeverSuppressEachOther() {
        Candidate car = box(2, 0.6f, 0, 0, 10, 10);
        Candidate truck = box(7, 0.5f, 0, 0, 10, 10);

        assertThat(NonMaxSuppression.apply(List.of(truck, car), 0.45f, 300))
                .containsExactly(car, truck);
    }

    @Test
    void overlapAtOrBelowTheThresholdKeepsBothMostConfidentFirst() {
        Candidate a = box(0, 0.5f, 0, 0, 10, 10);
        Candidate b = box(0, 0.8f, 5, 0, 15, 10);

        assertThat(NonMaxSuppression.apply(List.of(a, b), 0.45f, 300)).containsExactly(b, a);
        assertThat(NonMaxSuppression.apply(List.of(a, b), 0.3f, 300)).containsExactly(b);
    }

    @Test
    void onlyKeptBoxesSuppress() {
        // a drops b (IoU 7/13); c overlaps b by 7/13 too but a only by 1/4, so it stays.
        Candidate a = box(0, 0.9f, 0, 0, 10, 10);
        Candidate b = box(0, 0.8f, 3, 0, 13, 10);
        Candidate c = box(0, 0.7f, 6, 0, 16, 10);

        assertThat(NonMaxSuppression.apply(List.of(c, b, a), 0.45f, 300)).containsExactly(a, c);
    }

    @Test
    void keepsAtMostMaxKept() {
        List<Candidate> apart =
                List.of(
                        box(0, 0.3f, 0, 0, 1, 1),
                        box(0, 0.9f, 5, 5, 6, 6),
                        box(0, 0.6f, 10, 10, 11, 11));

        assertThat(NonMaxSuppression.apply(apart, 0.45f, 2))
                .extracting(Candidate::score)
                .containsExactly(0.9f, 0.6f);
        assertThat(NonMaxSuppression.apply(List.of(), 0.45f, 2)).isEmpty();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> NonMaxSuppression.apply(List.of(), 0f, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iouThreshold");
        assertThatThrownBy(() -> box(0, 0.5f, 10, 0, 5, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of order");
    }
}

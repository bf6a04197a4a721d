package dev.flinkedge.jobs.bench.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.jobs.bench.workload.DetectedObject;
import dev.flinkedge.jobs.vision.Box;

import org.junit.jupiter.api.Test;

import java.util.List;

class ScoreTest {

    private static final GroundTruth TRUTH =
            new GroundTruth(
                    List.of(
                            new GroundTruth.TruthObject(
                                    "L0K1", "car", "red", "AB12 CDE", 0, 0, 100, 50),
                            new GroundTruth.TruthObject(
                                    "L1K4", "bus", "blue", "XY34 ZZZ", 200, 0, 100, 50),
                            new GroundTruth.TruthObject(
                                    "L2K2", "bicycle", "black", null, 400, 0, 40, 40)));

    @Test
    void matchesMostConfidentFirstWithIouAtLeastHalfWhateverTheClass() {
        Score s =
                Score.of(
                        List.of(
                                // IoU 0.82 with the car, read correctly.
                                detection("car", 0.9f, new Box(5, 0, 100, 50), "AB12CDE"),
                                // A second box on the car, less sure: the car is taken, so a false
                                // positive.
                                detection("car", 0.6f, new Box(0, 0, 100, 50), null),
                                // The bus called a truck, IoU 0.67, read wrongly.
                                detection("truck", 0.8f, new Box(200, 0, 100, 25), "XY34ZZ2"),
                                // Nothing there.
                                detection("car", 0.7f, new Box(600, 0, 50, 50), "QQ11QQQ")),
                        TRUTH);

        // The bicycle is missed.
        assertThat(s).isEqualTo(new Score(2, 2, 1, 2, 1));
        assertThat(s.f1()).isEqualTo(2.0 * 2 / (2 * 2 + 2 + 1));
        assertThat(s.plateAccuracy()).isEqualTo(0.5);
    }

    @Test
    void aBoxBelowHalfOverlapIsNoMatchAndAnEmptyReadingCountsAsWrong() {
        Score s =
                Score.of(
                        List.of(
                                detection("car", 0.9f, new Box(0, 0, 100, 50), ""),
                                detection("bus", 0.9f, new Box(260, 0, 100, 50), "XY34ZZZ")),
                        TRUTH);

        // The bus box overlaps 40/160 = 0.25: no match, so its reading does not count.
        assertThat(s).isEqualTo(new Score(1, 1, 2, 1, 0));
        assertThat(Score.of(List.of(), null)).isEqualTo(Score.ZERO);
        assertThat(Score.ZERO.f1()).isZero();
        assertThat(Score.ZERO.plateAccuracy()).isZero();
    }

    @Test
    void sumsAndRejectsImpossibleCounts() {
        assertThat(new Score(1, 2, 3, 4, 1).plus(new Score(1, 1, 1, 1, 1)))
                .isEqualTo(new Score(2, 3, 4, 5, 2));
        assertThatThrownBy(() -> new Score(0, 0, 0, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plates 2/1");
    }

    private static DetectedObject detection(String label, float confidence, Box box, String plate) {
        return new DetectedObject(label, confidence, box, plate);
    }
}

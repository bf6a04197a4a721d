package dev.flinkedge.jobs.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Map;

class StreamWritersTest {

    private static final long STRETCH = 3_000;

    @Test
    void aHandOverIsOneWriterAtATime() {
        Map<String, long[]> writers =
                Map.of(
                        "producer", new long[] {0, 1_000, 2_000, 3_000},
                        "host", new long[] {15_000, 16_000, 17_000});

        assertThat(StreamWriters.maxConcurrent(writers, STRETCH)).isEqualTo(1);
    }

    @Test
    void aHandOverInTheSameMomentIsStillOneWriterAtATime() {
        Map<String, long[]> writers =
                Map.of("producer", new long[] {0, 1_000, 2_000}, "host", new long[] {2_000, 3_000});

        assertThat(StreamWriters.maxConcurrent(writers, STRETCH)).isEqualTo(1);
    }

    @Test
    void interleavedWritersAreConcurrent() {
        Map<String, long[]> writers =
                Map.of(
                        "producer", new long[] {0, 1_000, 2_000, 3_000, 4_000},
                        "host", new long[] {1_500, 2_500, 3_500});

        assertThat(StreamWriters.maxConcurrent(writers, STRETCH)).isEqualTo(2);
    }

    @Test
    void aSingleRecordInsideAnotherWritersStretchCounts() {
        Map<String, long[]> writers =
                Map.of("producer", new long[] {0, 1_000, 2_000}, "zombie", new long[] {1_500});

        assertThat(StreamWriters.maxConcurrent(writers, STRETCH)).isEqualTo(2);
    }

    @Test
    void aWriterThatResumesAfterAnotherHeldTheStreamIsNotConcurrentWithIt() {
        Map<String, long[]> writers =
                Map.of(
                        "producer", new long[] {0, 1_000, 20_000, 21_000},
                        "host", new long[] {8_000, 9_000, 10_000});

        assertThat(StreamWriters.maxConcurrent(writers, STRETCH)).isEqualTo(1);
    }

    @Test
    void threeWritersAtOnceCountThree() {
        Map<String, long[]> writers =
                Map.of(
                        "a", new long[] {0, 1_000, 2_000},
                        "b", new long[] {500, 1_500},
                        "c", new long[] {900, 1_900});

        assertThat(StreamWriters.maxConcurrent(writers, STRETCH)).isEqualTo(3);
    }

    @Test
    void aWritersRecordsSplitIntoStretchesWhereTheyPause() {
        assertThat(StreamWriters.stretches(new long[] {9_000, 0, 1_000, 10_000, 2_000}, STRETCH))
                .containsExactly(
                        new StreamWriters.Stretch(0, 2_000),
                        new StreamWriters.Stretch(9_000, 10_000));
    }

    @Test
    void noRecordsNoWriters() {
        assertThat(StreamWriters.maxConcurrent(Map.of(), STRETCH)).isZero();
    }
}

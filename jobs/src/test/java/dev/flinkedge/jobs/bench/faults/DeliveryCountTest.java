package dev.flinkedge.jobs.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

class DeliveryCountTest {

    @Test
    void countsLossesAndDuplicatesInsideTheSubscribersRange() {
        Map<String, Long> emitted = new HashMap<>();
        for (int seq = 1; seq <= 10; seq++) {
            emitted.put("cam-1#" + seq, 1000L + seq);
        }
        // Before the subscriber's first record (3) and after the cut-off (9 and 10 seen at 1009+).
        Map<String, Integer> delivered = new HashMap<>();
        delivered.put("cam-1#3", 1);
        delivered.put("cam-1#4", 2);
        delivered.put("cam-1#6", 1);
        delivered.put("cam-1#8", 3);
        delivered.put("cam-1#9", 1);

        DeliveryCount count = DeliveryCount.of(emitted, delivered, 1008L, List.of());

        // Counted: 3..8 = 6 emitted, of which 5 and 7 never arrived; 4 and 8 arrived twice or more.
        assertThat(count).isEqualTo(new DeliveryCount(6, 4, 2, 2, 0));
    }

    @Test
    void camerasAreCountedApart() {
        Map<String, Long> emitted = Map.of("cam-1#5", 1L, "cam-1#6", 1L, "cam-2#5", 1L);
        Map<String, Integer> delivered = Map.of("cam-1#6", 1, "cam-2#5", 1);

        assertThat(DeliveryCount.of(emitted, delivered, 10L, List.of()))
                .isEqualTo(new DeliveryCount(2, 2, 0, 0, 0));
    }

    @Test
    void recordsOfCamerasThatDidNotLogAreLeftOut() {
        // A host job's cameras start their own numbering and log nothing.
        Map<String, Long> emitted = Map.of("cam-1#100", 1L, "cam-1#101", 1L, "cam-1#102", 1L);
        Map<String, Integer> delivered = Map.of("cam-1#0", 1, "cam-1#1", 1, "cam-1#101", 1);

        assertThat(DeliveryCount.of(emitted, delivered, 10L, List.of()))
                .isEqualTo(new DeliveryCount(2, 1, 1, 0, 0));
    }

    @Test
    void nothingIsCountedForACameraTheSubscriberNeverSaw() {
        assertThat(DeliveryCount.of(Map.of("cam-1#1", 1L), Map.of(), 10L, List.of()))
                .isEqualTo(new DeliveryCount(0, 0, 0, 0, 0));
    }

    @Test
    void whatTheCamerasEmittedWhileAnotherJobWroteTheStreamIsNotCounted() {
        // The producer's tap was fenced from 1004 to 1006 while a host job wrote the stream.
        Map<String, Long> emitted = new HashMap<>();
        for (int seq = 1; seq <= 8; seq++) {
            emitted.put("cam-1#" + seq, 1000L + seq);
        }
        Map<String, Integer> delivered =
                Map.of("cam-1#1", 1, "cam-1#2", 1, "cam-1#3", 1, "cam-1#7", 1, "cam-1#8", 1);

        DeliveryCount count =
                DeliveryCount.of(
                        emitted, delivered, 2000L, List.of(new StreamWriters.Stretch(1004, 1006)));

        assertThat(count).isEqualTo(new DeliveryCount(5, 5, 0, 0, 3));
    }

    @Test
    void theLongestPauseAfterTheFaultEndsWithTheNextRecord() {
        long[] arrivals = {500, 1000, 1500, 2000, 9000, 9500};

        DeliveryCount.Pause pause = DeliveryCount.longestPause(arrivals, 1200, 10_000);

        assertThat(pause.seconds()).isEqualTo(7.0);
        assertThat(pause.endedS()).isEqualTo(7.8);
    }

    @Test
    void aPauseUntilTheEndHasNoNextRecord() {
        DeliveryCount.Pause pause = DeliveryCount.longestPause(new long[] {500, 1500}, 1000, 9000);

        assertThat(pause.seconds()).isEqualTo(7.5);
        assertThat(pause.endedS()).isEqualTo(-1);
    }

    @Test
    void refusesALineWithoutSequenceNumber() {
        assertThatThrownBy(() -> DeliveryCount.Line.parse("cam-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cam-1'");
    }
}

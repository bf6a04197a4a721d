package dev.flinkedge.connectors.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The shaper operator on Flink's harness, whose processing time is a fake clock. */
class LinkShaperOperatorTest {

    @Test
    void releasesRecordsAtTheirArrivalTimeAndFollowsABandwidthDrop() throws Exception {
        String link = "edge-1>cloud-operator-test";
        // 8 Mbit/s = 1000 bytes per ms, 10 ms latency, a burst of 1000 bytes.
        LinkShaperOperator<String> op =
                new LinkShaperOperator<>(
                        link, new LinkConditions(8, 10), s -> 1000L * s.length(), 1000, 1 << 20);
        try (OneInputStreamOperatorTestHarness<String, String> h =
                new OneInputStreamOperatorTestHarness<>(op, Types.STRING.createSerializer(null))) {
            h.open();
            h.setProcessingTime(0);
            h.processElement(new StreamRecord<>("a", 1));
            h.processElement(new StreamRecord<>("bb", 2));
            h.processWatermark(new Watermark(2));

            h.setProcessingTime(9);
            assertThat(values(h)).isEmpty();
            h.setProcessingTime(10);
            assertThat(values(h)).containsExactly("a");
            // The burst went to "a": "bb" takes 2 ms to send, then travels 10 ms.
            h.setProcessingTime(11);
            assertThat(values(h)).containsExactly("a");
            assertThat(h.getOutput()).doesNotContain(new Watermark(2));
            h.setProcessingTime(12);
            assertThat(values(h)).containsExactly("a", "bb");
            assertThat(h.getOutput()).last().isEqualTo(new Watermark(2));

            EmulatedLinks.set(link, new LinkConditions(0.8, 10));
            h.setProcessingTime(100);
            h.processElement(new StreamRecord<>("ccc", 3));
            // 0.8 Mbit/s = 100 bytes per ms: 2000 bytes beyond the burst take 20 ms, then 10 ms.
            h.setProcessingTime(129);
            assertThat(values(h)).containsExactly("a", "bb");
            h.setProcessingTime(130);
            assertThat(values(h)).containsExactly("a", "bb", "ccc");
        }
    }

    @Test
    void dropsWhatOverflowsTheQueueAndCountsIt() throws Exception {
        LinkShaperOperator<String> op =
                new LinkShaperOperator<>(
                        "drop-test", new LinkConditions(8, 0), s -> 1000L, 1, 2000);
        try (OneInputStreamOperatorTestHarness<String, String> h =
                new OneInputStreamOperatorTestHarness<>(op, Types.STRING.createSerializer(null))) {
            h.open();
            h.setProcessingTime(0);
            for (int i = 0; i < 5; i++) {
                h.processElement(new StreamRecord<>("r" + i, i));
            }
            h.setProcessingTime(1000);

            // r0 and r1 wait about 1 and 2 ms (up to 2000 bytes); r2..r4 would wait 3 ms.
            assertThat(values(h)).containsExactly("r0", "r1");
        }
    }

    private static List<String> values(OneInputStreamOperatorTestHarness<String, String> h) {
        return h.extractOutputValues();
    }
}

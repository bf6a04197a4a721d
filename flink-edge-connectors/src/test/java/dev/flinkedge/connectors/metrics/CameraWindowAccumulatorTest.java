package dev.flinkedge.connectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.routing.RouteStamp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class CameraWindowAccumulatorTest {

    @Test
    void percentilesFpsAndMeanOfOneWindow() {
        CameraWindowAccumulator acc = new CameraWindowAccumulator();
        for (int i = 1; i <= 20; i++) {
            assertThat(acc.add(i * 10L, i, 1000 + i, List.of())).isTrue();
        }

        CameraMetricsWindow w = acc.close("cam-1", 4000, 2000);

        assertThat(w.frames()).isEqualTo(20);
        assertThat(w.fps()).isEqualTo(10.0);
        assertThat(w.p50LatencyMs()).isEqualTo(100.0);
        assertThat(w.p95LatencyMs()).isEqualTo(190.0);
        assertThat(w.meanLatencyMs()).isEqualTo(105.0);
        assertThat(w.windowEndMs()).isEqualTo(4000);
        assertThat(w.sourceSite()).isNull();
        assertThat(w.sites()).isEmpty();
    }

    @Test
    void aFrameWithSeveralResultsCountsOnceWithItsFirstLatency() {
        CameraWindowAccumulator acc = new CameraWindowAccumulator();
        assertThat(acc.add(50, 7, 1000, List.of())).isTrue();
        assertThat(acc.add(90, 7, 1000, List.of())).isFalse();
        assertThat(acc.add(60, -1, 2000, List.of())).isTrue();
        assertThat(acc.add(70, -1, 2000, List.of())).isFalse();

        CameraMetricsWindow w = acc.close("cam-1", 4000, 2000);

        assertThat(w.frames()).isEqualTo(2);
        assertThat(w.p95LatencyMs()).isEqualTo(60.0);
    }

    @Test
    void dropsAreCountedOneWindowLateSoOvertakenFramesAreNotDrops() {
        CameraWindowAccumulator acc = new CameraWindowAccumulator();
        // Window 1: 10..19 except 12 (offloaded, arrives later) and 15 (lost).
        for (long seq = 10; seq < 20; seq++) {
            if (seq != 12 && seq != 15) {
                acc.add(10, seq, seq, List.of());
            }
        }
        assertThat(acc.close("cam-1", 1000, 1000).droppedFrames()).isZero();
        // Window 2: 12 arrives late, then 20..29.
        acc.add(300, 12, 12, List.of());
        for (long seq = 20; seq < 30; seq++) {
            acc.add(10, seq, seq, List.of());
        }
        CameraMetricsWindow w2 = acc.close("cam-1", 2000, 1000);
        assertThat(w2.droppedFrames()).as("only 15 is missing up to 19").isEqualTo(1);
        assertThat(w2.frames()).isEqualTo(11);
        // Window 3: nothing more arrives; 20..29 were complete.
        CameraMetricsWindow w3 = acc.close("cam-1", 3000, 1000);
        assertThat(w3.droppedFrames()).isZero();
        assertThat(w3.hasFrames()).isFalse();
        assertThat(w3.p95LatencyMs()).isNull();
    }

    @Test
    void noSequenceNumbersMeansDropsUnknown() {
        CameraWindowAccumulator acc = new CameraWindowAccumulator();
        acc.add(10, -1, 1, List.of());

        assertThat(acc.close("cam-1", 1000, 1000).droppedFrames()).isNull();
    }

    @Test
    void sitesAndLinksComeFromRouteStamps() {
        CameraWindowAccumulator acc = new CameraWindowAccumulator();
        acc.add(100, 0, 0, List.of(RouteStamp.local("edge-1", 0)));
        acc.add(200, 1, 1, List.of(new RouteStamp("edge-1", "cloud", 5000, 1)));
        acc.add(400, 2, 2, List.of(new RouteStamp("edge-1", "cloud", 7000, 2)));

        CameraMetricsWindow w = acc.close("cam-1", 1000, 1000);

        assertThat(w.sourceSite()).isEqualTo("edge-1");
        assertThat(w.sites())
                .isEqualTo(
                        Map.of(
                                "edge-1", new CameraMetricsWindow.SiteShare(1, 100),
                                "cloud", new CameraMetricsWindow.SiteShare(2, 300)));
        assertThat(w.linkBytes()).isEqualTo(Map.of("edge-1>cloud", 12000L));
        assertThat(w.bytesShipped()).isEqualTo(12000);
    }

    @Test
    void windowsRoundTripThroughJson() throws Exception {
        CameraWindowAccumulator acc = new CameraWindowAccumulator();
        acc.add(200, 1, 1, List.of(new RouteStamp("edge-1", "cloud", 5000, 1)));
        CameraMetricsWindow w = acc.close("cam-1", 1000, 1000);
        CameraMetricsWindow empty = acc.close("cam-1", 2000, 1000);

        assertThat(MetricsJson.decode(MetricsJson.encode(w))).isEqualTo(w);
        assertThat(MetricsJson.decode(MetricsJson.encode(empty))).isEqualTo(empty);
        assertThat(new String(MetricsJson.encode(empty)))
                .contains("\"p95LatencyMs\":null")
                .contains("\"frames\":0");
    }
}

package dev.flinkedge.connectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** The metrics function on Flink's operator harness, whose processing time is a fake clock. */
class CameraMetricsFunctionTest {

    @Test
    void emitsAWindowPerCameraAtEachPeriodEndThenOneEmptyWindow() throws Exception {
        CameraMetricsFunction<Frame> fn =
                new CameraMetricsFunction<>(MetricsProbe.edgeData(), 1000);
        try (KeyedOneInputStreamOperatorTestHarness<String, Frame, Tuple2<String, byte[]>> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        fn, Frame::cameraId, Types.STRING)) {
            h.setProcessingTime(10_100);
            for (long seq = 0; seq < 5; seq++) {
                // captured 100 ms × (seq + 1) before now
                h.processElement(GeneratedCameras.frame("cam-1", seq, 10_000 - 100 * seq), 0);
            }
            h.processElement(GeneratedCameras.frame("cam-2", 0, 10_050), 0);
            assertThat(windows(h)).isEmpty();

            h.setProcessingTime(11_000);
            List<CameraMetricsWindow> first = windows(h);
            assertThat(first)
                    .extracting(CameraMetricsWindow::cameraId)
                    .containsExactlyInAnyOrder("cam-1", "cam-2");
            CameraMetricsWindow cam1 = byCamera(first, "cam-1");
            assertThat(cam1.windowEndMs()).isEqualTo(11_000);
            assertThat(cam1.frames()).isEqualTo(5);
            assertThat(cam1.fps()).isEqualTo(5.0);
            assertThat(cam1.p50LatencyMs()).isEqualTo(300.0);
            assertThat(cam1.p95LatencyMs()).isEqualTo(500.0);
            assertThat(byCamera(first, "cam-2").p95LatencyMs()).isEqualTo(50.0);

            h.getOutput().clear();
            h.setProcessingTime(12_000);
            List<CameraMetricsWindow> second = windows(h);
            assertThat(second).hasSize(2).noneMatch(CameraMetricsWindow::hasFrames);

            h.getOutput().clear();
            h.setProcessingTime(20_000);
            assertThat(windows(h)).as("idle cameras get no further windows").isEmpty();
        }
    }

    private static CameraMetricsWindow byCamera(List<CameraMetricsWindow> ws, String camera) {
        return ws.stream().filter(w -> w.cameraId().equals(camera)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<CameraMetricsWindow> windows(
            KeyedOneInputStreamOperatorTestHarness<String, Frame, Tuple2<String, byte[]>> h)
            throws Exception {
        List<CameraMetricsWindow> result = new ArrayList<>();
        for (Object o : h.getOutput()) {
            if (o instanceof StreamRecord<?> r) {
                Tuple2<String, byte[]> t = (Tuple2<String, byte[]>) r.getValue();
                CameraMetricsWindow w = MetricsJson.decode(t.f1);
                assertThat(w.cameraId()).isEqualTo(t.f0);
                result.add(w);
            }
        }
        return result;
    }
}

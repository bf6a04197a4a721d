package dev.flinkedge.connectors.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.policy.PolicyChange;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The router function on Flink's operator harness: broadcast policies, split, stamps. */
class OffloadRouterFunctionTest {

    @Test
    void routesTheFractionOfACameraToItsTargetAndStampsEveryFrame() throws Exception {
        try (BroadcastOperatorTestHarness<Frame, PolicyChange, Frame> h = harness()) {
            h.setProcessingTime(500);
            h.processBroadcastElement(change("cam-1", "cloud", 0.5), 1);
            for (long seq = 0; seq < 100; seq++) {
                h.processElement(GeneratedCameras.frame("cam-1", seq, 10), 10);
                h.processElement(GeneratedCameras.frame("cam-2", seq, 10), 10);
            }

            List<Frame> local = values(h.getOutput());
            List<Frame> cloud = values(h.getSideOutput(OffloadRouterFunction.outputTag("cloud")));
            long expected =
                    java.util.stream.LongStream.range(0, 100)
                            .filter(seq -> OffloadSplit.offloads(seq, 0.5))
                            .count();
            assertThat(expected).isBetween(48L, 52L);
            assertThat(cloud).hasSize((int) expected).allMatch(f -> f.cameraId().equals("cam-1"));
            assertThat(local).hasSize(200 - (int) expected);
            for (Frame f : cloud) {
                assertThat(OffloadSplit.offloads(f.sequence(), 0.5)).isTrue();
                RouteStamp stamp = RouteStamp.last(f.stageTimes()).orElseThrow();
                assertThat(stamp)
                        .isEqualTo(
                                new RouteStamp("edge-1", "cloud", f.image().length, f.sequence()));
                assertThat(f.stageTimes().get(stamp.stage())).isEqualTo(500);
            }
            for (Frame f : local) {
                assertThat(RouteStamp.last(f.stageTimes()))
                        .contains(RouteStamp.local("edge-1", f.sequence()));
            }
        }
    }

    @Test
    void aWithdrawnPolicyOrAnUnknownTargetKeepsFramesLocal() throws Exception {
        try (BroadcastOperatorTestHarness<Frame, PolicyChange, Frame> h = harness()) {
            h.processBroadcastElement(change("cam-1", "cloud", 1.0), 1);
            h.processElement(GeneratedCameras.frame("cam-1", 0, 10), 10);
            h.processBroadcastElement(new PolicyChange("cam-1", null), 2);
            h.processElement(GeneratedCameras.frame("cam-1", 1, 10), 10);
            h.processBroadcastElement(change("cam-1", "edge-9", 1.0), 3);
            h.processElement(GeneratedCameras.frame("cam-1", 2, 10), 10);

            assertThat(values(h.getSideOutput(OffloadRouterFunction.outputTag("cloud"))))
                    .extracting(Frame::sequence)
                    .containsExactly(0L);
            assertThat(values(h.getOutput())).extracting(Frame::sequence).containsExactly(1L, 2L);
        }
    }

    private static BroadcastOperatorTestHarness<Frame, PolicyChange, Frame> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new OffloadRouterFunction("edge-1", List.of("cloud", "edge-2")),
                OffloadRouterFunction.OFFLOADS);
    }

    private static PolicyChange change(String camera, String target, double fraction) {
        return new PolicyChange(
                camera,
                CameraPolicy.of(camera, 10, 640, 360)
                        .withOffload(new CameraPolicy.Offload(target, fraction)));
    }

    @SuppressWarnings("unchecked")
    private static List<Frame> values(java.util.Queue<?> output) {
        return Optional.ofNullable(output).orElse(new ConcurrentLinkedQueue<>()).stream()
                .filter(StreamRecord.class::isInstance)
                .map(o -> ((StreamRecord<Frame>) o).getValue())
                .toList();
    }
}

package dev.flinkedge.connectors.source.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.testutil.EdgeTestEnvironment;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * A job that fails once after a checkpoint: the restored cameras continue from the checkpointed
 * sequence numbers instead of starting over, and the delivered sequences have no gaps.
 */
class CameraSourceFailoverITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final int FRAMES = 40;
    private static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    /** A frame as seen by the map, with the attempt that saw it. */
    record Seen(String camera, long sequence, int attempt) {}

    /** Records every frame and fails once, after a checkpoint, past frame 15 of cam-a. */
    static final class FailOnce extends RichMapFunction<Frame, Frame>
            implements CheckpointListener {
        @Override
        public Frame map(Frame f) {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            SEEN.add(new Seen(f.cameraId(), f.sequence(), attempt));
            if (f.cameraId().equals("cam-a")
                    && f.sequence() >= 15
                    && CHECKPOINTED.get()
                    && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("Injected failure at " + f);
            }
            return f;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }

    @Test
    void camerasContinueWithTheNextSequenceNumberAfterRestore(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(200));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = EdgeTestEnvironment.create(cluster, conf, 1);
        CameraSource source =
                CameraSource.builder()
                        .setCameras(
                                List.of(
                                        new CameraDevice(
                                                "cam-a",
                                                new GeoPoint(0, 0),
                                                CameraSpec.synthetic(1, 20, 160, 90)),
                                        new CameraDevice(
                                                "cam-b",
                                                new GeoPoint(0, 0),
                                                CameraSpec.synthetic(2, 20, 160, 90))))
                        .setMaxFramesPerCamera(FRAMES)
                        .build();

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "cameras")
                .map(new FailOnce())
                .sinkTo(new DiscardingSink<>());
        env.execute("camera-failover");

        assertThat(FAILED).isTrue();
        Map<String, List<Seen>> byCamera =
                SEEN.stream().collect(Collectors.groupingBy(Seen::camera));
        for (String camera : List.of("cam-a", "cam-b")) {
            List<Seen> seen = byCamera.get(camera);
            long lastBefore =
                    seen.stream()
                            .filter(s -> s.attempt() == 0)
                            .mapToLong(Seen::sequence)
                            .max()
                            .orElseThrow();
            long firstAfter =
                    seen.stream()
                            .filter(s -> s.attempt() == 1)
                            .mapToLong(Seen::sequence)
                            .min()
                            .orElseThrow();
            assertThat(firstAfter)
                    .as("%s resumed from a checkpoint, not from 0", camera)
                    .isPositive()
                    .isLessThanOrEqualTo(lastBefore + 1);
            assertThat(new TreeSet<>(seen.stream().map(Seen::sequence).toList()))
                    .as("%s delivered every sequence number", camera)
                    .containsExactlyElementsOf(LongStream.range(0, FRAMES).boxed().toList());
        }
    }
}

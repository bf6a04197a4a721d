package dev.flinkedge.jobs.testutil;

import dev.flinkedge.connectors.metrics.PipelineMetrics;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSource;
import dev.flinkedge.connectors.source.camera.CameraSpec;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.List;

/**
 * A job for packaged-jar tests: one small synthetic camera whose frames go straight into {@link
 * PipelineMetrics}, so that the metrics code runs on a TaskManager with only the job jar's classes.
 * Arguments: Kafka bootstrap servers, metrics topic, camera id.
 */
public final class SyntheticMetricsJob {

    private SyntheticMetricsJob() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "usage: SyntheticMetricsJob BOOTSTRAP_SERVERS"
                            + " METRICS_TOPIC CAMERA_ID (got "
                            + args.length
                            + " arguments)");
        }
        String bootstrapServers = args[0];
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        CameraSource source =
                CameraSource.builder()
                        .setCameras(
                                List.of(
                                        new CameraDevice(
                                                args[2],
                                                new GeoPoint(48.15, 11.55),
                                                CameraSpec.synthetic(7, 10, 160, 120))))
                        .setPolicyBootstrapServers(bootstrapServers)
                        .build();
        DataStream<Frame> frames =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "cameras");
        PipelineMetrics.<Frame>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopic(args[1])
                .setPeriod(Duration.ofSeconds(1))
                .build()
                .attachTo(frames);
        env.execute("synthetic-metrics");
    }
}

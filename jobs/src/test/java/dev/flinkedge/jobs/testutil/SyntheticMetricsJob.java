package dev.flinkedge.jobs.testutil;

import dev.flinkedge.connectors.metrics.PipelineMetrics;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSource;
import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A job for packaged-jar tests: one small synthetic camera whose frames go straight into {@link
 * PipelineMetrics}, so that the metrics code runs on a TaskManager with only the job jar's classes.
 * Arguments: the owner's Kafka client properties file, metrics topic, camera id.
 */
public final class SyntheticMetricsJob {

    private SyntheticMetricsJob() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "usage: SyntheticMetricsJob KAFKA_PROPERTIES_FILE"
                            + " METRICS_TOPIC CAMERA_ID (got "
                            + args.length
                            + " arguments)");
        }
        KafkaClientConfig kafka = KafkaClientConfig.load(Path.of(args[0]));
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
                        .setPolicyKafka(kafka)
                        .build();
        DataStream<Frame> frames =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "cameras");
        PipelineMetrics.<Frame>builder()
                .setKafka(kafka)
                .setTopic(args[1])
                .setPeriod(Duration.ofSeconds(1))
                .build()
                .attachTo(frames);
        env.execute("synthetic-metrics");
    }
}

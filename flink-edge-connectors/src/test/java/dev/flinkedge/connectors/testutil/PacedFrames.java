package dev.flinkedge.connectors.testutil;

import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;

/**
 * An unbounded stream of small placeholder frames at a fixed total rate: frame i comes from camera
 * {@code i mod n} with sequence number {@code i div n}, captured now.
 */
public final class PacedFrames {

    private PacedFrames() {}

    /** {@code framesPerSecond} frames a second in all, from {@code cameras} in turn. */
    public static DataStream<Frame> of(
            StreamExecutionEnvironment env, double framesPerSecond, String... cameras) {
        List<String> ids = List.of(cameras);
        GeneratorFunction<Long, Frame> gen =
                i ->
                        GeneratedCameras.frame(
                                ids.get((int) (i % ids.size())),
                                i / ids.size(),
                                System.currentTimeMillis());
        DataGeneratorSource<Frame> source =
                new DataGeneratorSource<>(
                        gen,
                        Long.MAX_VALUE,
                        RateLimiterStrategy.perSecond(framesPerSecond),
                        TypeInformation.of(Frame.class));
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "frames").setParallelism(1);
    }
}

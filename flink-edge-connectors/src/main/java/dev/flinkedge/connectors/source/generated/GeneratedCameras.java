package dev.flinkedge.connectors.source.generated;

import dev.flinkedge.connectors.api.RawSourceFactory;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.model.StageTimes;
import dev.flinkedge.registry.model.StreamDescriptor;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Lightweight cameras: each device of a RAW stream yields tiny placeholder frames (the image bytes
 * name camera and sequence number) at a fixed rate with contiguous sequence numbers, from Flink's
 * checkpointable data generator source. For measuring sharing itself, free of image costs, and for
 * tests; the synthetic traffic scene renders real images.
 */
@PublicEvolving
public final class GeneratedCameras implements RawSourceFactory {
    private static final long serialVersionUID = 1L;

    private final double fpsPerCamera;

    public GeneratedCameras(double fpsPerCamera) {
        this.fpsPerCamera = fpsPerCamera;
    }

    @Override
    public DataStream<Frame> create(StreamExecutionEnvironment env, StreamDescriptor raw) {
        List<String> cameras = raw.source().devices();
        GeneratorFunction<Long, Frame> gen = new FrameGenerator(cameras);
        DataGeneratorSource<Frame> source =
                new DataGeneratorSource<>(
                        gen,
                        Long.MAX_VALUE,
                        RateLimiterStrategy.perSecond(fpsPerCamera * cameras.size()),
                        TypeInformation.of(Frame.class));
        return env.fromSource(
                        source,
                        WatermarkStrategy.<Frame>forBoundedOutOfOrderness(Duration.ofMillis(200))
                                .withTimestampAssigner((f, ts) -> f.captureTimeMs()),
                        "cameras:" + raw.ref())
                .setParallelism(1);
    }

    /**
     * The frame camera {@code camera} delivers as number {@code seq} at {@code timeMs}. Camera
     * {@code cam-N} stands at latitude 39.9 + N × 0.001 (about 111 m apart), longitude 116.3.
     */
    public static Frame frame(String camera, long seq, long timeMs) {
        byte[] image = (camera + "#" + seq).getBytes(StandardCharsets.UTF_8);
        return new Frame(
                image,
                Frame.Encoding.JPEG,
                64,
                48,
                camera,
                location(camera),
                timeMs,
                seq,
                StageTimes.empty().with("capture", timeMs),
                null);
    }

    /** Where camera {@code cam-N} stands. */
    public static GeoPoint location(String camera) {
        String digits = camera.replaceAll("\\D", "");
        int n = digits.isEmpty() ? 0 : Integer.parseInt(digits);
        return new GeoPoint(39.9 + n * 0.001, 116.3);
    }

    /** Frame {@code i} comes from camera {@code i mod n} with sequence {@code i div n}. */
    private static final class FrameGenerator implements GeneratorFunction<Long, Frame> {
        private static final long serialVersionUID = 1L;
        private final List<String> cameras;

        FrameGenerator(List<String> cameras) {
            this.cameras = List.copyOf(cameras);
        }

        @Override
        public Frame map(Long index) {
            int n = cameras.size();
            return frame(cameras.get((int) (index % n)), index / n, System.currentTimeMillis());
        }
    }
}

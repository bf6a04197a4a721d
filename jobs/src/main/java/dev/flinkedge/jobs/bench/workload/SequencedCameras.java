package dev.flinkedge.jobs.bench.workload;

import dev.flinkedge.connectors.api.RawSourceFactory;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.registry.model.StreamDescriptor;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;

/**
 * Deterministic cameras for the fault suite: like {@link GeneratedCameras} (placeholder frames at a
 * fixed rate from Flink's checkpointable data generator), but a job's sequence numbers start at the
 * number of frames each camera would have taken since the epoch when the job was built. A job that
 * restarts from a checkpoint goes on where it was; a new job computing the same stream later (a
 * re-host) starts past every number an earlier job emitted, so that sequence numbers identify a
 * frame across jobs and losses and duplicates can be counted by them.
 */
public final class SequencedCameras implements RawSourceFactory {
    private static final long serialVersionUID = 1L;

    private final double fpsPerCamera;
    private final long firstSequence;

    /**
     * @param fpsPerCamera frames per second of each camera
     * @param builtAtMs when the job is built, epoch millis; fixes its first sequence number
     */
    public SequencedCameras(double fpsPerCamera, long builtAtMs) {
        if (!(fpsPerCamera > 0)) {
            throw new IllegalArgumentException(
                    "fps per camera must be > 0 but was " + fpsPerCamera);
        }
        this.fpsPerCamera = fpsPerCamera;
        this.firstSequence = (long) (builtAtMs / 1000.0 * fpsPerCamera);
    }

    /** The first sequence number of this job's cameras. */
    public long firstSequence() {
        return firstSequence;
    }

    @Override
    public DataStream<Frame> create(StreamExecutionEnvironment env, StreamDescriptor raw) {
        List<String> cameras = raw.source().devices();
        DataGeneratorSource<Frame> source =
                new DataGeneratorSource<>(
                        new SequencedFrames(cameras, firstSequence),
                        Long.MAX_VALUE,
                        RateLimiterStrategy.perSecond(fpsPerCamera * cameras.size()),
                        TypeInformation.of(Frame.class));
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "cameras:" + raw.ref())
                .setParallelism(1);
    }

    /** Frame {@code i} comes from camera {@code i mod n} with sequence {@code first + i div n}. */
    private static final class SequencedFrames implements GeneratorFunction<Long, Frame> {
        private static final long serialVersionUID = 1L;
        private final List<String> cameras;
        private final long first;

        SequencedFrames(List<String> cameras, long first) {
            this.cameras = List.copyOf(cameras);
            this.first = first;
        }

        @Override
        public Frame map(Long index) {
            int n = cameras.size();
            return GeneratedCameras.frame(
                    cameras.get((int) (index % n)), first + index / n, System.currentTimeMillis());
        }
    }
}

package dev.flinkedge.jobs.bench.workload;

import dev.flinkedge.connectors.api.RawSourceFactory;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.registry.model.StreamDescriptor;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;

/**
 * Deterministic cameras for the fault suite: like {@link GeneratedCameras} (placeholder frames at a
 * fixed rate from Flink's checkpointable data generator), but sequence numbers count the frames
 * each camera would have taken since the epoch, so that they identify a frame across jobs and
 * losses and duplicates can be counted by them. {@link #resumable} cameras, for jobs that
 * checkpoint, number their frames from the moment the job was built, so that a restore from a
 * checkpoint goes on where it was. {@link #live} cameras, for jobs that do not checkpoint, start
 * every run at the live frame, as a real camera switched on again does, past every number an
 * earlier run emitted.
 */
public final class SequencedCameras implements RawSourceFactory {
    private static final long serialVersionUID = 1L;

    /** The first sequence number of {@link #live} cameras: the live one at each start. */
    static final long LIVE = -1;

    private final double fpsPerCamera;
    private final long firstSequence;

    private SequencedCameras(double fpsPerCamera, long firstSequence) {
        if (!(fpsPerCamera > 0)) {
            throw new IllegalArgumentException(
                    "fps per camera must be > 0 but was " + fpsPerCamera);
        }
        this.fpsPerCamera = fpsPerCamera;
        this.firstSequence = firstSequence;
    }

    /**
     * Cameras of a job that checkpoints: every run numbers frame {@code i} from the sequence number
     * of {@code builtAtMs}, so a restore from a checkpoint goes on with the numbering.
     *
     * @param fpsPerCamera frames per second of each camera
     * @param builtAtMs when the job is built, epoch millis
     */
    public static SequencedCameras resumable(double fpsPerCamera, long builtAtMs) {
        return new SequencedCameras(fpsPerCamera, sequenceAt(builtAtMs, fpsPerCamera));
    }

    /**
     * Cameras of a job that does not checkpoint: every run, the first and each restart, starts at
     * the live frame.
     *
     * @param fpsPerCamera frames per second of each camera
     */
    public static SequencedCameras live(double fpsPerCamera) {
        return new SequencedCameras(fpsPerCamera, LIVE);
    }

    /** The sequence number of the frame a camera takes at {@code epochMs}. */
    static long sequenceAt(long epochMs, double fpsPerCamera) {
        return (long) (epochMs / 1000.0 * fpsPerCamera);
    }

    @Override
    public DataStream<Frame> create(StreamExecutionEnvironment env, StreamDescriptor raw) {
        List<String> cameras = raw.source().devices();
        DataGeneratorSource<Frame> source =
                new DataGeneratorSource<>(
                        new SequencedFrames(cameras, firstSequence, fpsPerCamera),
                        Long.MAX_VALUE,
                        RateLimiterStrategy.perSecond(fpsPerCamera * cameras.size()),
                        TypeInformation.of(Frame.class));
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "cameras:" + raw.ref())
                .setParallelism(1);
    }

    /**
     * Frame {@code i} comes from camera {@code i mod n} with sequence {@code first + i div n},
     * where {@code first} is the live sequence number when a run starts at index 0 (no checkpoint)
     * and the job's build-time one when it resumes from a checkpoint at a later index.
     */
    static final class SequencedFrames implements GeneratorFunction<Long, Frame> {
        private static final long serialVersionUID = 1L;
        private final List<String> cameras;
        private final long firstSequence;
        private final double fpsPerCamera;
        private transient boolean started;
        private transient long first;

        SequencedFrames(List<String> cameras, long firstSequence, double fpsPerCamera) {
            this.cameras = List.copyOf(cameras);
            this.firstSequence = firstSequence;
            this.fpsPerCamera = fpsPerCamera;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            started = false;
        }

        @Override
        public Frame map(Long index) {
            long now = System.currentTimeMillis();
            if (!started) {
                first = firstSequence == LIVE ? sequenceAt(now, fpsPerCamera) : firstSequence;
                started = true;
            }
            int n = cameras.size();
            return GeneratedCameras.frame(cameras.get((int) (index % n)), first + index / n, now);
        }
    }
}

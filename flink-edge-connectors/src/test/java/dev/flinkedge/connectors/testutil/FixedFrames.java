package dev.flinkedge.connectors.testutil;

import dev.flinkedge.connectors.api.RawSourceFactory;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.registry.model.StreamDescriptor;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;

/** A bounded raw source replaying a fixed list of frames, to recompute over known input. */
public final class FixedFrames implements RawSourceFactory {
    private static final long serialVersionUID = 1L;

    private final List<Frame> frames;

    public FixedFrames(List<Frame> frames) {
        this.frames = List.copyOf(frames);
    }

    @Override
    public DataStream<Frame> create(StreamExecutionEnvironment env, StreamDescriptor raw) {
        return env.fromData(frames, TypeInformation.of(Frame.class))
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Frame>forMonotonousTimestamps()
                                .withTimestampAssigner((f, ts) -> f.captureTimeMs()));
    }
}

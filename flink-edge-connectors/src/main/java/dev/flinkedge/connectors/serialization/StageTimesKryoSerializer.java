package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import dev.flinkedge.connectors.model.StageTimes;

/** Kryo serializer for {@link StageTimes}: a count, then (stage name, epoch millis) pairs. */
final class StageTimesKryoSerializer extends Serializer<StageTimes> {

    StageTimesKryoSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, StageTimes times) {
        write(output, times);
    }

    @Override
    public StageTimes read(Kryo kryo, Input input, Class<? extends StageTimes> type) {
        return read(input);
    }

    static void write(Output output, StageTimes times) {
        int n = times.size();
        output.writeVarInt(n, true);
        for (int i = 0; i < n; i++) {
            output.writeString(times.stage(i));
            output.writeLong(times.time(i));
        }
    }

    static StageTimes read(Input input) {
        int n = input.readVarInt(true);
        String[] stages = new String[n];
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            stages[i] = input.readString();
            times[i] = input.readLong();
        }
        return StageTimes.of(stages, times);
    }
}

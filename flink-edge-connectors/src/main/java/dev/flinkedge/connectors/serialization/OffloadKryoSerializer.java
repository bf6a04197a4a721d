package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import dev.flinkedge.connectors.model.CameraPolicy.Offload;

/** Kryo serializer for {@link Offload}: target site (nullable) and fraction. */
final class OffloadKryoSerializer extends Serializer<Offload> {

    OffloadKryoSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Offload offload) {
        write(output, offload);
    }

    @Override
    public Offload read(Kryo kryo, Input input, Class<? extends Offload> type) {
        return read(input);
    }

    static void write(Output output, Offload offload) {
        output.writeString(offload.targetSite());
        output.writeDouble(offload.fraction());
    }

    static Offload read(Input input) {
        String targetSite = input.readString();
        double fraction = input.readDouble();
        return targetSite == null && fraction == 0
                ? Offload.NONE
                : new Offload(targetSite, fraction);
    }
}

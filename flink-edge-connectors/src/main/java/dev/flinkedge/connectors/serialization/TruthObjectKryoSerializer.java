package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import dev.flinkedge.connectors.model.GroundTruth.TruthObject;

/** Kryo serializer for one {@link TruthObject}: its strings (plate nullable), then its box. */
final class TruthObjectKryoSerializer extends Serializer<TruthObject> {

    TruthObjectKryoSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, TruthObject object) {
        write(output, object);
    }

    @Override
    public TruthObject read(Kryo kryo, Input input, Class<? extends TruthObject> type) {
        return read(input);
    }

    static void write(Output output, TruthObject o) {
        output.writeString(o.objectId());
        output.writeString(o.cls());
        output.writeString(o.colour());
        output.writeString(o.plate());
        output.writeVarInt(o.x(), false);
        output.writeVarInt(o.y(), false);
        output.writeVarInt(o.w(), false);
        output.writeVarInt(o.h(), false);
    }

    static TruthObject read(Input input) {
        String objectId = input.readString();
        String cls = input.readString();
        String colour = input.readString();
        String plate = input.readString();
        int x = input.readVarInt(false);
        int y = input.readVarInt(false);
        int w = input.readVarInt(false);
        int h = input.readVarInt(false);
        return new TruthObject(objectId, cls, colour, plate, x, y, w, h);
    }
}

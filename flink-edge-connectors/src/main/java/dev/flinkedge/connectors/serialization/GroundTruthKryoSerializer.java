package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.model.GroundTruth.TruthObject;

import java.util.ArrayList;
import java.util.List;

/** Kryo serializer for {@link GroundTruth}: a count, then each object. */
final class GroundTruthKryoSerializer extends Serializer<GroundTruth> {

    GroundTruthKryoSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, GroundTruth truth) {
        write(output, truth);
    }

    @Override
    public GroundTruth read(Kryo kryo, Input input, Class<? extends GroundTruth> type) {
        return read(input);
    }

    static void write(Output output, GroundTruth truth) {
        List<TruthObject> objects = truth.objects();
        output.writeVarInt(objects.size(), true);
        for (TruthObject o : objects) {
            TruthObjectKryoSerializer.write(output, o);
        }
    }

    static GroundTruth read(Input input) {
        int n = input.readVarInt(true);
        List<TruthObject> objects = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            objects.add(TruthObjectKryoSerializer.read(input));
        }
        return new GroundTruth(objects);
    }
}

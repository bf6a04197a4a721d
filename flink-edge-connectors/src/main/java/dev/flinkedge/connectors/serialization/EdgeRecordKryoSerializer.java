package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.model.StageTimes;

/**
 * Kryo serializer for {@link EdgeRecord}: the edge metadata field by field, then the payload with
 * its class (a registered id for flink-edge and JDK types, the class name for user classes).
 */
final class EdgeRecordKryoSerializer extends Serializer<EdgeRecord<?>> {

    @Override
    public void write(Kryo kryo, Output output, EdgeRecord<?> record) {
        output.writeString(record.sourceId());
        output.writeString(record.key());
        GeoPointKryoSerializer.write(output, record.location());
        output.writeLong(record.eventTimeMs());
        StageTimesKryoSerializer.write(output, record.stageTimes());
        kryo.writeClassAndObject(output, record.payload());
    }

    @Override
    public EdgeRecord<?> read(Kryo kryo, Input input, Class<? extends EdgeRecord<?>> type) {
        String sourceId = input.readString();
        String key = input.readString();
        GeoPoint location = GeoPointKryoSerializer.read(input);
        long eventTimeMs = input.readLong();
        StageTimes stageTimes = StageTimesKryoSerializer.read(input);
        Object payload = kryo.readClassAndObject(input);
        return new EdgeRecord<>(sourceId, key, location, eventTimeMs, stageTimes, payload);
    }
}

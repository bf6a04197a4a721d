package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import dev.flinkedge.connectors.model.GeoPoint;

/** Kryo serializer for {@link GeoPoint}: latitude and longitude as two doubles. */
final class GeoPointKryoSerializer extends Serializer<GeoPoint> {

    GeoPointKryoSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, GeoPoint point) {
        write(output, point);
    }

    @Override
    public GeoPoint read(Kryo kryo, Input input, Class<? extends GeoPoint> type) {
        return read(input);
    }

    static void write(Output output, GeoPoint point) {
        output.writeDouble(point.lat());
        output.writeDouble(point.lon());
    }

    static GeoPoint read(Input input) {
        double lat = input.readDouble();
        double lon = input.readDouble();
        return new GeoPoint(lat, lon);
    }
}

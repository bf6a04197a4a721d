package dev.flinkedge.connectors.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.testutil.Samples;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;

/** Restoring {@link EdgeKryoSerializer}s from their snapshots, and compatibility decisions. */
class EdgeKryoSerializerSnapshotTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void restoredSerializerReadsStateWrittenBeforeTheSnapshot() throws Exception {
        EdgeKryoSerializer<Frame> original = new EdgeKryoSerializer<>(Frame.class);
        DataOutputSerializer state = new DataOutputSerializer(256);
        original.serialize(Samples.frame(5), state);

        TypeSerializerSnapshot<Frame> restored = roundTrip(original.snapshotConfiguration());
        TypeSerializer<Frame> restoredSerializer = restored.restoreSerializer();

        assertThat(restoredSerializer).isEqualTo(original);
        assertThat(
                        restoredSerializer.deserialize(
                                new DataInputDeserializer(state.getCopyOfBuffer())))
                .isEqualTo(Samples.frame(5));
    }

    @Test
    void sameTypeAndFormatIsCompatibleAsIs() throws Exception {
        TypeSerializerSnapshot<Frame> old =
                roundTrip(new EdgeKryoSerializer<>(Frame.class).snapshotConfiguration());

        TypeSerializerSchemaCompatibility<Frame> compatibility =
                new EdgeKryoSerializer<>(Frame.class)
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(old);

        assertThat(compatibility.isCompatibleAsIs()).isTrue();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anotherTypeIsIncompatible() throws Exception {
        TypeSerializerSnapshot old =
                roundTrip(new EdgeKryoSerializer<>(GeoPoint.class).snapshotConfiguration());

        TypeSerializerSchemaCompatibility<Frame> compatibility =
                new EdgeKryoSerializer<>(Frame.class)
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(old);

        assertThat(compatibility.isIncompatible()).isTrue();
    }

    @Test
    void anotherFormatVersionIsIncompatible() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF(Frame.class.getName());
        out.writeInt(EdgeKryo.FORMAT_VERSION + 1);
        EdgeKryoSerializerSnapshot<Frame> fromNewerFormat = new EdgeKryoSerializerSnapshot<>();
        fromNewerFormat.readSnapshot(1, new DataInputDeserializer(out.getCopyOfBuffer()), loader);

        TypeSerializerSchemaCompatibility<Frame> compatibility =
                new EdgeKryoSerializer<>(Frame.class)
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(fromNewerFormat);

        assertThat(fromNewerFormat.formatVersion()).isEqualTo(EdgeKryo.FORMAT_VERSION + 1);
        assertThat(compatibility.isIncompatible()).isTrue();
    }

    @Test
    void formatOneStateOfFixedLayoutTypesStaysReadableButEdgeRecordsDoNot() throws Exception {
        assertThat(compatibilityWithFormatOne(Frame.class).isCompatibleAsIs()).isTrue();
        assertThat(compatibilityWithFormatOne(CameraPolicy.class).isCompatibleAsIs()).isTrue();
        // Format 1 wrote payload classes by name, which this version refuses to read.
        assertThat(compatibilityWithFormatOne(EdgeRecord.class).isIncompatible()).isTrue();
    }

    private <T> TypeSerializerSchemaCompatibility<T> compatibilityWithFormatOne(Class<T> type)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF(type.getName());
        out.writeInt(1);
        EdgeKryoSerializerSnapshot<T> old = new EdgeKryoSerializerSnapshot<>();
        old.readSnapshot(1, new DataInputDeserializer(out.getCopyOfBuffer()), loader);
        return new EdgeKryoSerializer<>(type)
                .snapshotConfiguration()
                .resolveSchemaCompatibility(old);
    }

    @Test
    void unknownSnapshotVersionAndMissingClassAreReportedClearly() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF("com.example.Gone");
        out.writeInt(EdgeKryo.FORMAT_VERSION);
        byte[] bytes = out.getCopyOfBuffer();

        assertThatThrownBy(
                        () ->
                                new EdgeKryoSerializerSnapshot<>()
                                        .readSnapshot(2, new DataInputDeserializer(bytes), loader))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(
                        () ->
                                new EdgeKryoSerializerSnapshot<>()
                                        .readSnapshot(1, new DataInputDeserializer(bytes), loader))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("com.example.Gone");
    }

    private <T> TypeSerializerSnapshot<T> roundTrip(TypeSerializerSnapshot<T> snapshot)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), loader);
    }
}

package dev.flinkedge.connectors.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.model.StageTimes;
import dev.flinkedge.connectors.testutil.Samples;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Flink's serializer contract (round trips, copies, duplicates, snapshots) for every flink-edge
 * type, through {@link EdgeKryoSerializer}.
 */
class EdgeKryoSerializerTest {

    @Test
    void edgeRecordCopyIsDeepForMutablePayloadsAndSharedForImmutableOnes() {
        EdgeKryoSerializer<EdgeRecord<?>> serializer = edgeRecordSerializer();
        Samples.Vehicle vehicle =
                new Samples.Vehicle("AB12 CDE", "red", 0.9, new ArrayList<>(List.of(1, 2, 3, 4)));
        EdgeRecord<?> original = Samples.record(vehicle);

        EdgeRecord<?> copy = serializer.copy(original);
        vehicle.box.set(0, 99);

        assertThat(copy.payload()).isNotSameAs(vehicle);
        assertThat(((Samples.Vehicle) copy.payload()).box).containsExactly(1, 2, 3, 4);
        EdgeRecord<?> text = Samples.record("plate");
        assertThat(serializer.copy(text)).isSameAs(text);
    }

    @Test
    void framesAreImmutableAndRecordsAreNot() {
        assertThat(new EdgeKryoSerializer<>(Frame.class).isImmutableType()).isTrue();
        assertThat(edgeRecordSerializer().isImmutableType()).isFalse();
    }

    @Test
    void frameBytesStartWithTheLengthOfTheKryoBlob() throws Exception {
        EdgeKryoSerializer<Frame> serializer = new EdgeKryoSerializer<>(Frame.class);
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(Samples.frame(4), out);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(in.readInt()).isEqualTo(out.length() - Integer.BYTES);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static EdgeKryoSerializer<EdgeRecord<?>> edgeRecordSerializer() {
        return new EdgeKryoSerializer<>((Class) EdgeRecord.class);
    }

    /** Base for the contract tests below: no fixed length, no empty instances. */
    abstract static class EdgeContract<T> extends SerializerTestBase<T> {
        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected boolean allowNullInstances(TypeSerializer<T> serializer) {
            return true;
        }
    }

    @Nested
    class Frames extends EdgeContract<Frame> {
        @Override
        protected TypeSerializer<Frame> createSerializer() {
            return new EdgeKryoSerializer<>(Frame.class);
        }

        @Override
        protected Class<Frame> getTypeClass() {
            return Frame.class;
        }

        @Override
        protected Frame[] getTestData() {
            return new Frame[] {
                Samples.frame(0), Samples.frame(1), Samples.frame(77), Samples.rawFrame()
            };
        }
    }

    @Nested
    class EdgeRecords extends EdgeContract<EdgeRecord<?>> {
        @Override
        protected TypeSerializer<EdgeRecord<?>> createSerializer() {
            return edgeRecordSerializer();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Class<EdgeRecord<?>> getTypeClass() {
            return (Class) EdgeRecord.class;
        }

        @Override
        protected EdgeRecord<?>[] getTestData() {
            return new EdgeRecord<?>[] {
                Samples.record("AB12 CDE"),
                Samples.record(42L),
                Samples.record(
                        new Samples.Vehicle(
                                "XY34 ZZZ", "white", 0.75, new ArrayList<>(List.of(5, 6, 7, 8)))),
                Samples.record(new Samples.Count("area-1", 12, List.of("car", "bus"))),
                Samples.record(Samples.frame(3)),
                Samples.record(Samples.policy())
            };
        }
    }

    @Nested
    class StageTimesContract extends EdgeContract<StageTimes> {
        @Override
        protected TypeSerializer<StageTimes> createSerializer() {
            return new EdgeKryoSerializer<>(StageTimes.class);
        }

        @Override
        protected Class<StageTimes> getTypeClass() {
            return StageTimes.class;
        }

        @Override
        protected StageTimes[] getTestData() {
            return new StageTimes[] {
                StageTimes.empty(),
                Samples.stages(),
                StageTimes.empty().with("capture", -1).with("capture", Long.MAX_VALUE)
            };
        }
    }

    @Nested
    class GeoPoints extends EdgeContract<GeoPoint> {
        @Override
        protected TypeSerializer<GeoPoint> createSerializer() {
            return new EdgeKryoSerializer<>(GeoPoint.class);
        }

        @Override
        protected Class<GeoPoint> getTypeClass() {
            return GeoPoint.class;
        }

        @Override
        protected GeoPoint[] getTestData() {
            return new GeoPoint[] {Samples.LONDON, new GeoPoint(-90, 180), new GeoPoint(0, 0)};
        }
    }

    @Nested
    class GroundTruths extends EdgeContract<GroundTruth> {
        @Override
        protected TypeSerializer<GroundTruth> createSerializer() {
            return new EdgeKryoSerializer<>(GroundTruth.class);
        }

        @Override
        protected Class<GroundTruth> getTypeClass() {
            return GroundTruth.class;
        }

        @Override
        protected GroundTruth[] getTestData() {
            return new GroundTruth[] {Samples.truth(), new GroundTruth(List.of())};
        }
    }

    @Nested
    class TruthObjects extends EdgeContract<GroundTruth.TruthObject> {
        @Override
        protected TypeSerializer<GroundTruth.TruthObject> createSerializer() {
            return new EdgeKryoSerializer<>(GroundTruth.TruthObject.class);
        }

        @Override
        protected Class<GroundTruth.TruthObject> getTypeClass() {
            return GroundTruth.TruthObject.class;
        }

        @Override
        protected GroundTruth.TruthObject[] getTestData() {
            return Samples.truth().objects().toArray(new GroundTruth.TruthObject[0]);
        }
    }

    @Nested
    class CameraPolicies extends EdgeContract<CameraPolicy> {
        @Override
        protected TypeSerializer<CameraPolicy> createSerializer() {
            return new EdgeKryoSerializer<>(CameraPolicy.class);
        }

        @Override
        protected Class<CameraPolicy> getTypeClass() {
            return CameraPolicy.class;
        }

        @Override
        protected CameraPolicy[] getTestData() {
            return new CameraPolicy[] {Samples.policy(), CameraPolicy.of("cam-2", 10, 1280, 720)};
        }
    }
}

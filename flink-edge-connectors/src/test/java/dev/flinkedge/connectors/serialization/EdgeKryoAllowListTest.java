package dev.flinkedge.connectors.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.EdgeOperatorFactory;
import dev.flinkedge.connectors.api.OperatorCatalog;
import dev.flinkedge.connectors.api.PayloadType;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.testutil.Samples;
import dev.flinkedge.connectors.testutil.TestPayloads;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Which payload classes flink-edge's Kryo accepts: its own, JDK basics and declared ones. */
class EdgeKryoAllowListTest {

    /** A user payload no catalogue declares. */
    public record Undeclared(String what) {}

    @Test
    void aPayloadTheCatalogueDeclaresRoundTrips() {
        // TestPayloads, listed in the test jar's META-INF/services, declares Samples.Vehicle.
        EdgeCodec<EdgeRecord<Object>> codec = EdgeCodec.edgeRecords();
        EdgeRecord<Object> record =
                Samples.record(new Samples.Vehicle("AB12 CDE", "red", 0.5, List.of(1, 2)));

        assertThat(codec.decode(codec.encode(record))).isEqualTo(record);
        assertThat(EdgeKryo.newKryo().getRegistration(Samples.Vehicle.class).getId())
                .isEqualTo(9001);
    }

    @Test
    void anUndeclaredPayloadIsRefusedWithHowToDeclareIt() {
        assertThatThrownBy(
                        () -> EdgeCodec.edgeRecords().encode(Samples.record(new Undeclared("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Undeclared.class.getName())
                .hasMessageContaining("payloadTypes()");
    }

    @Test
    void jdkBasicsRoundTrip() {
        EdgeCodec<EdgeRecord<Object>> codec = EdgeCodec.edgeRecords();
        for (Object payload :
                List.of(
                        "text",
                        42L,
                        new byte[0],
                        new java.util.ArrayList<>(List.of(1, 2)),
                        new java.util.HashMap<>(Map.of("a", 1)),
                        List.of("a", "b", "c"),
                        List.of("a"),
                        java.util.Set.of("a"),
                        Map.of("k", 2.5))) {
            Object back = codec.decode(codec.encode(Samples.record(payload))).payload();
            if (payload instanceof byte[] bytes) {
                assertThat((byte[]) back).isEqualTo(bytes);
            } else {
                assertThat(back).isEqualTo(payload).hasSameClassAs(payload);
            }
        }
    }

    @Test
    void anUnknownClassIdIsRefused() {
        byte[] bytes =
                EdgeCodec.edgeRecords()
                        .encode(Samples.record(new Samples.Count("a", 1, List.of())));
        byte[] forged = bytes.clone();
        // The payload's class id follows the edge metadata; 9002 + 2 is written as 0xac 0x46.
        int at = indexOf(forged, (byte) 0xac, (byte) 0x46);
        forged[at] = (byte) 0xad;

        assertThatThrownBy(() -> EdgeCodec.edgeRecords().decode(forged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unregistered class ID");
    }

    @Test
    void conflictingDeclarationsAreRefused() {
        OperatorCatalog catalog =
                OperatorCatalog.empty()
                        .add(new TestPayloads())
                        .add(declaring("other", PayloadType.of(9001, Undeclared.class)));

        assertThatThrownBy(catalog::payloadTypes)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declared id 9001 for")
                .hasMessageContaining(Samples.Vehicle.class.getName())
                .hasMessageContaining(Undeclared.class.getName());
    }

    @Test
    void idsBelowTheUserRangeAreRefused() {
        assertThatThrownBy(() -> PayloadType.of(105, Undeclared.class))
                .hasMessageContaining(">= " + PayloadType.MIN_ID);
    }

    private static int indexOf(byte[] bytes, byte a, byte b) {
        for (int i = bytes.length - 2; i >= 0; i--) {
            if (bytes[i] == a && bytes[i + 1] == b) {
                return i;
            }
        }
        throw new AssertionError("class id not found");
    }

    private static EdgeOperatorFactory declaring(String name, PayloadType type) {
        return new EdgeOperatorFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public EdgeOperator<?, ?> create(Map<String, String> params) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<PayloadType> payloadTypes() {
                return List.of(type);
            }
        };
    }
}

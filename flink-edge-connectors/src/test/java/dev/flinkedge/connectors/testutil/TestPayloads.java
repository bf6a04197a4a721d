package dev.flinkedge.connectors.testutil;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.EdgeOperatorFactory;
import dev.flinkedge.connectors.api.PayloadType;

import java.util.List;
import java.util.Map;

/**
 * The test jar's catalogue entry: it makes no operator, and declares the payload classes the tests
 * send through flink-edge's codec, as a user's jar declares its own.
 */
public final class TestPayloads implements EdgeOperatorFactory {
    private static final long serialVersionUID = 1L;

    /** The declared types. */
    public static final List<PayloadType> TYPES =
            List.of(
                    PayloadType.of(9000, Tagged.class),
                    PayloadType.of(9001, Samples.Vehicle.class),
                    PayloadType.of(9002, Samples.Count.class));

    @Override
    public String name() {
        return "test-payloads";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public EdgeOperator<?, ?> create(Map<String, String> params) {
        throw new UnsupportedOperationException("test-payloads only declares payload types");
    }

    @Override
    public List<PayloadType> payloadTypes() {
        return TYPES;
    }
}

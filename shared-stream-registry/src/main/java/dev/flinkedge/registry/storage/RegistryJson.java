package dev.flinkedge.registry.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.Subscription;
import java.io.IOException;

/**
 * JSON encoding of registry topic records and of the REST payloads. Strict on input (unknown
 * fields and trailing tokens are errors) so that typos surface as 400s
 * instead of being silently ignored; topic records tolerate unknown fields so that a newer writer
 * does not break an older reader.
 */
public final class RegistryJson {

    /** Mapper for REST requests and responses. */
    public static final ObjectMapper STRICT =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    /** Mapper for topic records: forward compatible. */
    public static final ObjectMapper LENIENT =
            JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private RegistryJson() {}

    static byte[] encodeKey(RegistryKey key) {
        return write(key);
    }

    static byte[] encodeValue(Object value) {
        return value == null ? null : write(value);
    }

    static RegistryKey decodeKey(byte[] bytes) throws IOException {
        return LENIENT.readValue(bytes, RegistryKey.class);
    }

    static Object decodeValue(RegistryKey key, byte[] bytes) throws IOException {
        if (bytes == null) {
            return null;
        }
        return switch (key.keytype()) {
            case STREAM -> LENIENT.readValue(bytes, StreamDescriptor.class);
            case GRANT -> LENIENT.readValue(bytes, GrantRecord.class);
            case SUBSCRIPTION -> LENIENT.readValue(bytes, Subscription.class);
        };
    }

    private static byte[] write(Object value) {
        try {
            return LENIENT.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName(), e);
        }
    }
}

package dev.flinkedge.registry.storage;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.flinkedge.registry.json.RegistryJson;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.Subscription;

import java.io.IOException;

/** Encodes and decodes the registry topic's keys and values, with the forward-compatible mapper. */
final class RecordJson {

    private RecordJson() {}

    static byte[] encodeKey(RegistryKey key) {
        return write(key);
    }

    static byte[] encodeValue(Object value) {
        return value == null ? null : write(value);
    }

    static RegistryKey decodeKey(byte[] bytes) throws IOException {
        return RegistryJson.LENIENT.readValue(bytes, RegistryKey.class);
    }

    static Object decodeValue(RegistryKey key, byte[] bytes) throws IOException {
        if (bytes == null) {
            return null;
        }
        return switch (key.keytype()) {
            case STREAM -> RegistryJson.LENIENT.readValue(bytes, StreamDescriptor.class);
            case GRANT -> RegistryJson.LENIENT.readValue(bytes, GrantRecord.class);
            case SUBSCRIPTION -> RegistryJson.LENIENT.readValue(bytes, Subscription.class);
        };
    }

    private static byte[] write(Object value) {
        try {
            return RegistryJson.LENIENT.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName(), e);
        }
    }
}

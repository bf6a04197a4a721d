package dev.flinkedge.registry.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.flinkedge.registry.model.StreamRef;

/**
 * Key of a record in the registry topic. Compaction keeps the newest value per key, so a key names
 * exactly one piece of state: a stream, one grant of a stream, or one subscription to a stream.
 * Serialized as JSON with a fixed field order so that equal keys are equal bytes.
 *
 * @param keytype what the value describes
 * @param magic key format version, currently 1
 * @param owner the stream's owner
 * @param name the stream's name
 * @param sub grantee for GRANT, subscription id for SUBSCRIPTION, else null
 */
@JsonPropertyOrder({"keytype", "magic", "owner", "name", "sub"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryKey(KeyType keytype, int magic, String owner, String name, String sub) {

    /** Current key format version. */
    public static final int MAGIC = 1;

    /** The kinds of state kept in the topic. */
    public enum KeyType {
        STREAM,
        GRANT,
        SUBSCRIPTION
    }

    public static RegistryKey stream(StreamRef ref) {
        return new RegistryKey(KeyType.STREAM, MAGIC, ref.owner(), ref.name(), null);
    }

    public static RegistryKey grant(StreamRef ref, String grantee) {
        return new RegistryKey(KeyType.GRANT, MAGIC, ref.owner(), ref.name(), grantee);
    }

    public static RegistryKey subscription(StreamRef ref, String id) {
        return new RegistryKey(KeyType.SUBSCRIPTION, MAGIC, ref.owner(), ref.name(), id);
    }

    /** The stream this key belongs to. */
    public StreamRef ref() {
        return new StreamRef(owner, name);
    }
}

package dev.flinkedge.registry.storage;

/**
 * One write to the registry topic: a key and its new value, or {@code null} for a tombstone.
 *
 * @param key the state being changed
 * @param value a {@code StreamDescriptor}, {@code GrantRecord} or {@code Subscription}, or null
 */
public record StoreEntry(RegistryKey key, Object value) {

    public static StoreEntry put(RegistryKey key, Object value) {
        return new StoreEntry(key, java.util.Objects.requireNonNull(value, "value"));
    }

    public static StoreEntry delete(RegistryKey key) {
        return new StoreEntry(key, null);
    }
}

package dev.flinkedge.connectors.runtime;

import dev.flinkedge.connectors.model.EdgeData;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys edge records by {@link EdgeData#key()}. */
@Internal
public final class KeyOf<T extends EdgeData> implements KeySelector<T, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(T value) {
        return value.key();
    }
}

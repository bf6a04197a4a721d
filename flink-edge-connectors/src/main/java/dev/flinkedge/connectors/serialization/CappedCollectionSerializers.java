package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.MapSerializer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Kryo's collection and map serializers with the element count checked against {@link
 * DecodeLimits#MAX_ELEMENTS} before the collection is created, and the JDK's immutable {@code
 * List.of}/{@code Set.of}/{@code Map.of} collections read back as such. The byte layout is Kryo's.
 */
final class CappedCollectionSerializers {

    private CappedCollectionSerializers() {}

    /** For mutable collections with a no-arg constructor ({@code ArrayList}, {@code HashSet}). */
    static class Capped<C extends Collection<Object>> extends CollectionSerializer<C> {
        @Override
        protected C create(Kryo kryo, Input input, Class<? extends C> type, int size) {
            CappedInput.checkElements(input, "collection", size);
            return super.create(kryo, input, type, size);
        }
    }

    /** For mutable maps with a no-arg constructor ({@code HashMap}, {@code LinkedHashMap}). */
    static class CappedMap<M extends Map<Object, Object>> extends MapSerializer<M> {
        @Override
        protected M create(Kryo kryo, Input input, Class<? extends M> type, int size) {
            CappedInput.checkElements(input, "map", size);
            return super.create(kryo, input, type, size);
        }
    }

    /**
     * The JDK's immutable collections: read into a list, then copied by {@code copy} ({@code
     * List::copyOf} for {@code List.of(...)}, {@code List.copyOf}, {@code Stream.toList()}; {@code
     * Set::copyOf} for {@code Set.of(...)}, {@code Set.copyOf}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final class ImmutableCollection extends Capped {
        private final Function<Collection, Collection> copy;

        ImmutableCollection(Function<Collection, Collection> copy) {
            this.copy = copy;
            setElementsCanBeNull(false);
            setImmutable(true);
        }

        @Override
        protected Collection create(Kryo kryo, Input input, Class type, int size) {
            CappedInput.checkElements(input, "collection", size);
            return new ArrayList<>(size);
        }

        @Override
        public Collection read(Kryo kryo, Input input, Class type) {
            Collection read = (Collection) super.read(kryo, input, type);
            return read == null ? null : copy.apply(read);
        }
    }

    /** {@code Map.of(...)}, {@code Map.copyOf}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final class ImmutableMap extends CappedMap {
        ImmutableMap() {
            setKeysCanBeNull(false);
            setImmutable(true);
        }

        @Override
        protected Map create(Kryo kryo, Input input, Class type, int size) {
            CappedInput.checkElements(input, "map", size);
            return new HashMap<>(size * 2);
        }

        @Override
        public Map read(Kryo kryo, Input input, Class type) {
            Map read = (Map) super.read(kryo, input, type);
            return read == null ? null : Map.copyOf(read);
        }
    }
}

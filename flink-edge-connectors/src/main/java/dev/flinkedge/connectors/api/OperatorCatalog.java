package dev.flinkedge.connectors.api;

import dev.flinkedge.registry.model.OperatorRef;

import org.apache.flink.annotation.PublicEvolving;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The operator catalogue: (name, version) → factory. Lineage recipes name operators; the catalogue
 * turns a recipe back into code.
 */
@PublicEvolving
public final class OperatorCatalog {

    private final Map<String, EdgeOperatorFactory> factories = new TreeMap<>();

    private OperatorCatalog() {}

    /** An empty catalogue. */
    public static OperatorCatalog empty() {
        return new OperatorCatalog();
    }

    /** The factories found through {@link ServiceLoader} on the class path. */
    public static OperatorCatalog fromServiceLoader() {
        OperatorCatalog c = new OperatorCatalog();
        ServiceLoader.load(EdgeOperatorFactory.class).forEach(c::add);
        return c;
    }

    /** The factories found through {@link ServiceLoader} in {@code loader}. */
    public static OperatorCatalog fromServiceLoader(ClassLoader loader) {
        OperatorCatalog c = new OperatorCatalog();
        ServiceLoader.load(EdgeOperatorFactory.class, loader).forEach(c::add);
        return c;
    }

    /**
     * The payload types all factories declare, by id.
     *
     * @throws IllegalStateException if two declarations give one id to two classes or two ids to
     *     one class
     */
    public Map<Integer, Class<?>> payloadTypes() {
        Map<Integer, Class<?>> byId = new TreeMap<>();
        Map<Class<?>, Integer> ids = new HashMap<>();
        Map<Integer, String> declaredBy = new HashMap<>();
        for (EdgeOperatorFactory f : factories.values()) {
            String factory = key(f.name(), f.version());
            for (PayloadType p : f.payloadTypes()) {
                Class<?> other = byId.putIfAbsent(p.id(), p.type());
                Integer otherId = ids.putIfAbsent(p.type(), p.id());
                if ((other != null && other != p.type())
                        || (otherId != null && otherId != p.id())) {
                    throw new IllegalStateException(
                            "Operator "
                                    + factory
                                    + " declares payload "
                                    + p
                                    + " but "
                                    + declaredBy.getOrDefault(
                                            p.id(), declaredBy.get(otherId == null ? 0 : otherId))
                                    + " declared "
                                    + (other != null && other != p.type()
                                            ? "id " + p.id() + " for " + other.getName()
                                            : p.type().getName() + " with id " + otherId)
                                    + "; give every payload class one id, used by nobody else");
                }
                declaredBy.putIfAbsent(p.id(), factory);
            }
        }
        return byId;
    }

    /** Adds (or replaces) a factory. */
    public OperatorCatalog add(EdgeOperatorFactory factory) {
        factories.put(key(factory.name(), factory.version()), factory);
        return this;
    }

    /**
     * Recreates the operator of a lineage entry.
     *
     * @throws IllegalStateException if no factory is known for its name and version
     */
    public EdgeOperator<?, ?> create(OperatorRef ref) {
        EdgeOperatorFactory f = factories.get(key(ref.name(), ref.version()));
        if (f == null) {
            throw new IllegalStateException(
                    "No operator '"
                            + ref.name()
                            + "' version '"
                            + ref.version()
                            + "' in the catalogue (known: "
                            + factories.keySet()
                            + "); put the jar that provides it, with a META-INF/services entry for "
                            + EdgeOperatorFactory.class.getName()
                            + ", on the host job's class path");
        }
        EdgeOperator<?, ?> op = f.create(ref.params());
        if (!op.ref().equals(ref)) {
            throw new IllegalStateException(
                    "Factory for "
                            + key(ref.name(), ref.version())
                            + " made "
                            + op.ref()
                            + ", not "
                            + ref
                            + "; its output would not be the"
                            + " stream's");
        }
        return op;
    }

    private static String key(String name, String version) {
        return name + "@" + version;
    }
}

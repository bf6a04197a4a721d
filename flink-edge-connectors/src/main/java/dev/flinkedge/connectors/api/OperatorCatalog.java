package dev.flinkedge.connectors.api;

import dev.flinkedge.registry.model.OperatorRef;

import org.apache.flink.annotation.PublicEvolving;

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

package dev.flinkedge.connectors.serialization;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Registers flink-edge's serializers with Flink through {@code pipeline.serialization-config}
 * ({@link PipelineOptions#SERIALIZATION_CONFIG}): {@link Frame} and {@link EdgeRecord} get {@code
 * {type: typeinfo}} entries pointing at their {@code TypeInfoFactory}s, so jobs run with {@code
 * pipeline.generic-types: false} and never fall back to Flink's generic Kryo serializer.
 *
 * <pre>{@code
 * Configuration conf = new Configuration();
 * conf.set(PipelineOptions.GENERIC_TYPES, false);
 * EdgeSerialization.configure(conf);
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
 * }</pre>
 *
 * <p>The same entries can go into a cluster's {@code config.yaml}; {@link #serializationConfig()}
 * lists them.
 *
 * <p><b>One registration per JVM.</b> Flink 2.2 applies {@code typeinfo} entries by registering the
 * factory in a JVM-wide table and throws "A TypeInfoFactory for type … is already registered" when
 * an entry is applied a second time, for example when a second execution environment is created in
 * the same JVM. Once flink-edge's factories are registered in this JVM they stay in effect for
 * every later job, so {@link #configure} then leaves the configuration unchanged.
 */
@PublicEvolving
public final class EdgeSerialization {

    private static final Map<Class<?>, Class<? extends TypeInfoFactory<?>>> FACTORIES =
            Map.of(
                    Frame.class, FrameTypeInfoFactory.class,
                    EdgeRecord.class, EdgeRecordTypeInfoFactory.class);

    private static final List<Class<?>> TYPES = List.of(Frame.class, EdgeRecord.class);

    private EdgeSerialization() {}

    /**
     * The {@code pipeline.serialization-config} entries flink-edge needs, in flow-style YAML.
     *
     * @return one entry per registered type
     */
    public static List<String> serializationConfig() {
        return TYPES.stream().map(EdgeSerialization::entry).toList();
    }

    /**
     * Adds flink-edge's entries to {@code conf}'s {@code pipeline.serialization-config}, keeping
     * the entries already there. Types whose factory this JVM has already registered are skipped
     * (see the class comment).
     *
     * @param conf the job or cluster configuration to change
     * @return {@code conf}
     * @throws IllegalArgumentException if {@code conf} already registers another serializer for a
     *     flink-edge type
     */
    public static Configuration configure(Configuration conf) {
        return configure(conf, EdgeSerialization::registeredInThisJvm);
    }

    @VisibleForTesting
    static Configuration configure(Configuration conf, Predicate<Class<?>> alreadyRegistered) {
        List<String> merged =
                new ArrayList<>(
                        conf.getOptional(PipelineOptions.SERIALIZATION_CONFIG).orElse(List.of()));
        for (Class<?> type : TYPES) {
            String entry = entry(type);
            String existing = findEntryFor(merged, type.getName());
            if (existing != null && !normalize(existing).equals(normalize(entry))) {
                throw new IllegalArgumentException(
                        PipelineOptions.SERIALIZATION_CONFIG.key()
                                + " already has '"
                                + existing
                                + "'; flink-edge needs '"
                                + entry
                                + "'. Remove the other entry"
                                + " for "
                                + type.getName()
                                + ".");
            }
            if (existing == null && !alreadyRegistered.test(type)) {
                merged.add(entry);
            }
        }
        conf.set(PipelineOptions.SERIALIZATION_CONFIG, merged);
        return conf;
    }

    private static boolean registeredInThisJvm(Class<?> type) {
        TypeInfoFactory<?> factory = TypeExtractor.getTypeInfoFactory(type);
        return factory != null && factory.getClass() == FACTORIES.get(type);
    }

    private static String findEntryFor(List<String> entries, String typeName) {
        for (String e : entries) {
            String trimmed = e.trim();
            if (trimmed.startsWith(typeName)
                    && trimmed.substring(typeName.length()).trim().startsWith(":")) {
                return e;
            }
        }
        return null;
    }

    private static String normalize(String entry) {
        return entry.replaceAll("\\s+", "");
    }

    private static String entry(Class<?> type) {
        return type.getName() + ": {type: typeinfo, class: " + FACTORIES.get(type).getName() + "}";
    }
}

package dev.flinkedge.registry.cli;

/**
 * A {@code flink-edge bench} subcommand contributed by a module, found through {@link
 * java.util.ServiceLoader} like {@link FlinkEdgeCommand}: a picocli {@code @Command} class with a
 * public no-argument constructor, listed in {@code
 * META-INF/services/dev.flinkedge.registry.cli.FlinkEdgeBenchmark}.
 */
public interface FlinkEdgeBenchmark {}

package dev.flinkedge.jobs.cli;

/**
 * A {@code flink-edge bench} subcommand, found through {@link java.util.ServiceLoader} like {@link
 * FlinkEdgeCommand}: a picocli {@code @Command} class with a public no-argument constructor, listed
 * in {@code META-INF/services/dev.flinkedge.jobs.cli.FlinkEdgeBenchmark}.
 */
public interface FlinkEdgeBenchmark {}

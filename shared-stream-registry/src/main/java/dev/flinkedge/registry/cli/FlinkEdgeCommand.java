package dev.flinkedge.registry.cli;

/**
 * A top-level {@code flink-edge} command contributed by a module. {@link FlinkEdgeCli} finds every
 * implementation through {@link java.util.ServiceLoader} and adds it as a subcommand, so modules
 * add commands (cluster, plan, results tail…) without the CLI depending on them.
 *
 * <p>An implementation is a picocli {@code @Command} class (its {@code name} is the subcommand's
 * name) with a public no-argument constructor, listed in its module's {@code
 * META-INF/services/dev.flinkedge.registry.cli.FlinkEdgeCommand}:
 *
 * <pre>{@code
 * // annotated @Command(name = "cluster", description = "Start a local Flink cluster.")
 * public final class ClusterCommand implements FlinkEdgeCommand, Callable<Integer> { ... }
 * }</pre>
 */
public interface FlinkEdgeCommand {}

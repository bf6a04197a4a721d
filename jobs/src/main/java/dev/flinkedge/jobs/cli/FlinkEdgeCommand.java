package dev.flinkedge.jobs.cli;

/**
 * A top-level {@code flink-edge} command. {@link FlinkEdgeCli} finds every implementation through
 * {@link java.util.ServiceLoader} and adds it as a subcommand, so that each concern's package
 * (registry, cluster, plan, results…) adds its commands without the entry point listing them.
 *
 * <p>An implementation is a picocli {@code @Command} class (its {@code name} is the subcommand's
 * name) with a public no-argument constructor, listed in {@code
 * META-INF/services/dev.flinkedge.jobs.cli.FlinkEdgeCommand}:
 *
 * <pre>{@code
 * // annotated @Command(name = "cluster", description = "Start a local Flink cluster.")
 * public final class ClusterCommand implements FlinkEdgeCommand, Callable<Integer> { ... }
 * }</pre>
 */
public interface FlinkEdgeCommand {}

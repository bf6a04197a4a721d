package dev.flinkedge.jobs.bench;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.scheduler.cluster.ChildProcess;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.LocalEdgeCluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a benchmark on the local multi-process edge cluster: its own Kafka broker, registry,
 * JobManager and TaskManagers as separate JVMs, jobs shipped in the job jar. CPU is the sum over
 * those processes, read from the operating system, so the client JVM driving the benchmark is not
 * counted.
 */
public final class EdgeClusterBenchEnvironment implements BenchEnvironment {

    private final ClusterState state;
    private final SharingBenchmark.Services services;
    private final BenchCluster cluster;

    private EdgeClusterBenchEnvironment(
            ClusterState state, SharingBenchmark.Services services, BenchCluster cluster) {
        this.state = state;
        this.services = services;
        this.cluster = cluster;
    }

    /**
     * Starts the cluster described by {@code settings} and waits until every process is up.
     *
     * @param jobJar the shaded jar with the benchmark's operators
     * @param progress one line per start step
     */
    public static EdgeClusterBenchEnvironment start(
            dev.flinkedge.scheduler.cluster.ClusterSettings settings,
            Path jobJar,
            Consumer<String> progress)
            throws IOException, InterruptedException {
        ClusterState state = LocalEdgeCluster.start(settings, progress);
        Map<String, String> tokens = LocalEdgeCluster.tokens(state.tokensFile());
        SharingBenchmark.Services services =
                new SharingBenchmark.Services(
                        state.kafkaClientConfig("city-a"),
                        state.kafkaClientConfig("city-b"),
                        state.registryUrl(),
                        StreamRegistry.DEFAULT_TOPIC,
                        tokens.get("city-a"),
                        tokens.get("city-b"));
        URI rest = URI.create(state.restUrl());
        List<ChildProcess> processes = state.processes();
        BenchCluster cluster =
                new BenchCluster(
                        rest.getHost(), rest.getPort(), () -> cpuNanos(processes), List.of(jobJar));
        return new EdgeClusterBenchEnvironment(state, services, cluster);
    }

    /** CPU time of the live processes, user plus system. */
    static long cpuNanos(List<ChildProcess> processes) {
        long total = 0;
        for (ChildProcess p : processes) {
            total +=
                    ProcessHandle.of(p.pid())
                            .flatMap(h -> h.info().totalCpuDuration())
                            .map(Duration::toNanos)
                            .orElse(0L);
        }
        return total;
    }

    /** What was started, e.g. for the placement of operators. */
    public ClusterState state() {
        return state;
    }

    @Override
    public SharingBenchmark.Services services() {
        return services;
    }

    @Override
    public BenchCluster cluster() {
        return cluster;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        LocalEdgeCluster.stop(state, Duration.ofSeconds(20));
    }
}

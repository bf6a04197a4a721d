package dev.flinkedge.jobs.bench;

import dev.flinkedge.scheduler.cluster.ClusterPorts;
import dev.flinkedge.scheduler.cluster.ClusterSettings;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the local edge clusters that benchmarks and the demo start for themselves: an
 * embedded broker, the default memory sizes, and ports shifted from {@code cluster start}'s
 * defaults so that they run beside a cluster the user started.
 */
public final class BenchClusters {

    /** Added to every default port. */
    public static final int PORT_OFFSET = 10_000;

    private BenchClusters() {}

    /**
     * A cluster of {@code topologyFile}'s sites with its files under {@code workDir}, whose child
     * JVMs run from this JVM's classpath.
     */
    public static ClusterSettings settings(Path topologyFile, Path workDir) {
        ClusterPorts d = ClusterPorts.DEFAULTS;
        return new ClusterSettings(
                TopologyLoader.load(topologyFile),
                topologyFile,
                workDir,
                null,
                new ClusterPorts(
                        d.kafka() + PORT_OFFSET,
                        d.kafkaController() + PORT_OFFSET,
                        d.registry() + PORT_OFFSET,
                        d.rest() + PORT_OFFSET,
                        d.jobManagerRpc() + PORT_OFFSET),
                System.getProperty("java.class.path"),
                "1024m",
                "1536m",
                Duration.ofMinutes(3));
    }
}

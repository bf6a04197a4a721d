package dev.flinkedge.scheduler.cluster;

import dev.flinkedge.scheduler.topology.Topology;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything {@link LocalEdgeCluster#start} needs.
 *
 * @param topology the sites; every edge or cloud site with slots gets one TaskManager
 * @param topologyFile where the topology was read from, recorded in the state file
 * @param workDir holds {@code cluster/}: config, logs, data and the state file
 * @param bootstrapServers an existing Kafka to use, or {@code null} to start a broker
 * @param ports the fixed ports
 * @param classpath the classpath of every child JVM (Flink runtime and client, Kafka broker,
 *     flink-edge, logging)
 * @param jobManagerMemory {@code jobmanager.memory.process.size}, e.g. {@code 1024m}
 * @param taskManagerMemory {@code taskmanager.memory.process.size}, e.g. {@code 1536m}
 * @param startTimeout how long start may take until every TaskManager is registered
 * @param supervision the stream supervisor to run, or {@code null} for none
 * @param registrySettings extra {@code key=value} settings of the registry process, e.g. {@code
 *     production.lease.seconds=6} for short production leases; they override the cluster's own
 */
public record ClusterSettings(
        Topology topology,
        Path topologyFile,
        Path workDir,
        String bootstrapServers,
        ClusterPorts ports,
        String classpath,
        String jobManagerMemory,
        String taskManagerMemory,
        Duration startTimeout,
        Supervision supervision,
        Map<String, String> registrySettings) {

    /** Settings without a stream supervisor, with the registry's defaults. */
    public ClusterSettings(
            Topology topology,
            Path topologyFile,
            Path workDir,
            String bootstrapServers,
            ClusterPorts ports,
            String classpath,
            String jobManagerMemory,
            String taskManagerMemory,
            Duration startTimeout) {
        this(
                topology,
                topologyFile,
                workDir,
                bootstrapServers,
                ports,
                classpath,
                jobManagerMemory,
                taskManagerMemory,
                startTimeout,
                null,
                Map.of());
    }

    /** A copy that runs a stream supervisor with {@code supervision}. */
    public ClusterSettings withSupervision(Supervision supervision) {
        return with(Objects.requireNonNull(supervision, "supervision"), registrySettings);
    }

    /** The same settings with one more registry setting (replacing one of the same key). */
    public ClusterSettings withRegistrySetting(String key, String value) {
        Map<String, String> more = new TreeMap<>(registrySettings);
        more.put(key, value);
        return with(supervision, more);
    }

    /** A copy with the two optional parts replaced: the one place that lists every field. */
    private ClusterSettings with(Supervision supervision, Map<String, String> registrySettings) {
        return new ClusterSettings(
                topology,
                topologyFile,
                workDir,
                bootstrapServers,
                ports,
                classpath,
                jobManagerMemory,
                taskManagerMemory,
                startTimeout,
                supervision,
                registrySettings);
    }

    /**
     * The cluster's stream supervisor, which re-hosts its owners' orphaned streams.
     *
     * @param jobJar the job jar with the host job and the operators
     * @param hostJobArgs more arguments of every host job, e.g. {@code --cameras.catalog FILE}
     * @param kafkaProperties the Kafka client properties file of the host jobs, or null
     */
    public record Supervision(Path jobJar, List<String> hostJobArgs, Path kafkaProperties) {

        /** Checks the fields. */
        public Supervision {
            Objects.requireNonNull(jobJar, "jobJar");
            jobJar = jobJar.toAbsolutePath().normalize();
            hostJobArgs = List.copyOf(hostJobArgs);
            kafkaProperties =
                    kafkaProperties == null ? null : kafkaProperties.toAbsolutePath().normalize();
        }

        /** A supervision whose host jobs get no Kafka client properties file. */
        public Supervision(Path jobJar, List<String> hostJobArgs) {
            this(jobJar, hostJobArgs, null);
        }
    }

    /** Checks the fields. */
    public ClusterSettings {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(topologyFile, "topologyFile");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(classpath, "classpath");
        Objects.requireNonNull(jobManagerMemory, "jobManagerMemory");
        Objects.requireNonNull(taskManagerMemory, "taskManagerMemory");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "start timeout " + startTimeout + " must be positive");
        }
        workDir = workDir.toAbsolutePath().normalize();
        registrySettings = Map.copyOf(registrySettings);
    }

    /**
     * The classpath of the JobManager and TaskManagers: {@link #classpath} without the entries a
     * Flink process must not get (the Kafka connector and flink-edge's own modules, which jobs
     * bring in their jars), by the rule {@code bin/flink} shares ({@link FlinkProcessRules}).
     */
    public String flinkClasspath() {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !FlinkProcessRules.isExcludedFromFlink(entry))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Whether the cluster starts its own Kafka broker. */
    public boolean embeddedKafka() {
        return bootstrapServers == null;
    }

    /** {@code host:port} of the Kafka the registry and jobs use. */
    public String kafkaBootstrapServers() {
        return embeddedKafka() ? FlinkConfigs.HOST + ":" + ports.kafka() : bootstrapServers;
    }

    /** {@code <work-dir>/cluster}: one directory per process, the client config, the state. */
    public Path clusterDir() {
        return workDir.resolve("cluster");
    }
}

package dev.flinkedge.scheduler.cluster;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.scheduler.topology.Tier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code cluster start} leaves in {@code <work-dir>/cluster/cluster.json} for {@code status},
 * {@code stop} and {@code bin/flink}: processes, addresses, sites and files.
 *
 * @param workDir the cluster's work directory
 * @param topologyFile the topology it was started with
 * @param restUrl the JobManager's REST address
 * @param registryUrl the registry's address
 * @param bootstrapServers the Kafka the registry and jobs use
 * @param tokensFile the registry's tokens file ({@code token=owner} lines)
 * @param flinkConfDir the {@code FLINK_CONF_DIR} of {@code bin/flink}
 * @param ports the fixed ports
 * @param sites the topology's sites and their TaskManagers
 * @param processes every child process, in start order
 * @param startedMillis when start began, epoch milliseconds
 */
public record ClusterState(
        Path workDir,
        Path topologyFile,
        String restUrl,
        String registryUrl,
        String bootstrapServers,
        Path tokensFile,
        Path flinkConfDir,
        ClusterPorts ports,
        List<SiteState> sites,
        List<ChildProcess> processes,
        long startedMillis) {

    /** Copies the lists. */
    public ClusterState {
        Objects.requireNonNull(workDir, "workDir");
        sites = List.copyOf(sites);
        processes = List.copyOf(processes);
    }

    /**
     * The Kafka client properties file of {@code user} (an owner, {@code flinkedge-scheduler} or
     * {@code flinkedge-registry}) on a cluster that started its own Kafka.
     */
    public Path kafkaClientProperties(String user) {
        return kafkaClientsDir().resolve(user + ".properties");
    }

    /** Where a cluster that started its own Kafka keeps one client properties file per user. */
    public Path kafkaClientsDir() {
        return KafkaCredentials.clientsDir(workDir.resolve("cluster"));
    }

    /**
     * How {@code user} reaches the cluster's Kafka: with its SASL login when the cluster started
     * its own (secured) Kafka, else with the bootstrap servers alone.
     *
     * @throws IllegalStateException if the cluster has credentials but none for {@code user}
     */
    public KafkaClientConfig kafkaClientConfig(String user) {
        if (!Files.isDirectory(kafkaClientsDir())) {
            return KafkaClientConfig.of(bootstrapServers);
        }
        Path file = kafkaClientProperties(user);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "The cluster in "
                            + workDir
                            + " has no Kafka credentials for '"
                            + user
                            + "' ("
                            + file
                            + " is missing); add a token for the owner to the registry's tokens"
                            + " file and start the cluster again");
        }
        return KafkaClientConfig.load(file).withBootstrapServers(bootstrapServers);
    }

    /** A copy with one more process. */
    ClusterState withProcess(ChildProcess process) {
        List<ChildProcess> more = new ArrayList<>(processes);
        more.add(process);
        return new ClusterState(
                workDir,
                topologyFile,
                restUrl,
                registryUrl,
                bootstrapServers,
                tokensFile,
                flinkConfDir,
                ports,
                sites,
                more,
                startedMillis);
    }

    /** A copy without {@code process}, e.g. before it is started again. */
    ClusterState without(ChildProcess process) {
        List<ChildProcess> fewer = new ArrayList<>(processes);
        fewer.remove(process);
        return new ClusterState(
                workDir,
                topologyFile,
                restUrl,
                registryUrl,
                bootstrapServers,
                tokensFile,
                flinkConfDir,
                ports,
                sites,
                fewer,
                startedMillis);
    }

    /** The processes of one role, in start order. */
    public List<ChildProcess> processes(ProcessRole role) {
        return processes.stream().filter(p -> p.role() == role).toList();
    }

    /**
     * A site of the topology.
     *
     * @param id the site id
     * @param tier its tier
     * @param parent its parent's id, {@code null} for the root
     * @param slots its task slots
     * @param taskManager the resource id of its TaskManager, {@code null} when it has none
     */
    public record SiteState(String id, Tier tier, String parent, int slots, String taskManager) {}
}

package dev.flinkedge.scheduler.cluster;

import dev.flinkedge.kafka.security.BrokerSecurity;
import dev.flinkedge.kafka.security.SecretFiles;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code server.properties} of the cluster's single-node KRaft broker (combined broker and
 * controller, replication factor 1 everywhere) and the command that formats its storage once.
 */
final class KafkaBrokerConfig {

    static final String MAIN_CLASS = "kafka.Kafka";
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    static final String FILE = "server.properties";

    private KafkaBrokerConfig() {}

    /** The listener clients (and the broker itself) use; SASL, see {@link BrokerSecurity}. */
    static final String CLIENT_LISTENER = "CLIENT";

    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /**
     * Writes {@code server.properties} into {@code dir}; data goes to {@code dir/data}. The file
     * holds the broker's own password and is readable by its owner only.
     *
     * @return the file
     */
    static Path write(ClusterPorts ports, Path dir, BrokerSecurity security) throws IOException {
        String host = FlinkConfigs.HOST;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.bootstrap.servers", host + ":" + ports.kafkaController());
        props.put(
                "listeners",
                CLIENT_LISTENER
                        + "://"
                        + host
                        + ":"
                        + ports.kafka()
                        + ","
                        + CONTROLLER_LISTENER
                        + "://"
                        + host
                        + ":"
                        + ports.kafkaController());
        props.put("advertised.listeners", CLIENT_LISTENER + "://" + host + ":" + ports.kafka());
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.putAll(security.serverProperties(CLIENT_LISTENER, CONTROLLER_LISTENER));
        props.put("log.dirs", dataDir(dir).toString());
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Flink's KafkaSink EXACTLY_ONCE needs transaction.timeout.ms <= this; 15 min.
        props.put("transaction.max.timeout.ms", "900000");
        props.put("auto.create.topics.enable", "true");
        Path file = dir.resolve(FILE);
        SecretFiles.writeProperties(
                file, props, "Written by flink-edge cluster start: single-node KRaft broker");
        return file;
    }

    /** Whether the storage under {@code dir} is formatted already (a restart keeps its data). */
    static boolean isFormatted(Path dir) {
        return Files.exists(dataDir(dir).resolve("meta.properties"));
    }

    /** Arguments of {@link #STORAGE_TOOL} that format the storage with a fresh cluster id. */
    static List<String> formatArgs(Path serverProperties) {
        return List.of(
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                serverProperties.toAbsolutePath().toString(),
                "--standalone");
    }

    private static Path dataDir(Path dir) {
        return dir.toAbsolutePath().resolve("data");
    }
}

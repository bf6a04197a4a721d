package dev.flinkedge.jobs.bench;

import dev.flinkedge.kafka.EmbeddedKafka;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.rest.RegistryApplication;
import dev.flinkedge.registry.rest.TokenAuthenticator;
import dev.flinkedge.registry.rest.Tokens;
import dev.flinkedge.registry.storage.RegistryConfig;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a benchmark needs in this JVM: a KRaft broker, a registry with a token for each city,
 * and a Flink MiniCluster reached through its REST port like any remote cluster. The CPU meter is
 * this process's CPU time, which covers the broker and the registry too — equally for every mode.
 */
public final class LocalBenchEnvironment implements BenchEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBenchEnvironment.class);

    private final EmbeddedKafka kafka;
    private final RegistryApplication registry;
    private final MiniCluster flink;
    private final SharingBenchmark.Services services;
    private final BenchCluster cluster;

    private LocalBenchEnvironment(
            EmbeddedKafka kafka,
            RegistryApplication registry,
            MiniCluster flink,
            SharingBenchmark.Services services,
            BenchCluster cluster) {
        this.kafka = kafka;
        this.registry = registry;
        this.flink = flink;
        this.services = services;
        this.cluster = cluster;
    }

    /**
     * Starts broker, registry and cluster.
     *
     * @param workDir data of the broker
     * @param slots task slots of the MiniCluster
     */
    public static LocalBenchEnvironment start(Path workDir, int slots) throws Exception {
        return start(workDir, slots, new Configuration());
    }

    /**
     * Starts broker, registry and cluster, the cluster with {@code flinkConf} on top of the
     * benchmark's settings (e.g. smaller network buffers for live video).
     *
     * @param workDir data of the broker
     * @param slots task slots of the MiniCluster
     * @param flinkConf more Flink settings of the MiniCluster
     */
    public static LocalBenchEnvironment start(Path workDir, int slots, Configuration flinkConf)
            throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.builder().baseDir(workDir.resolve("kafka")).start();
        Map<String, String> tokens = Tokens.generate(Tokens.DEMO_OWNERS);
        String tokenA = tokens.get("city-a");
        String tokenB = tokens.get("city-b");
        RegistryApplication registry =
                RegistryApplication.start(
                        Map.of(
                                RegistryConfig.BOOTSTRAP_SERVERS,
                                kafka.bootstrapServers(),
                                RegistryConfig.REST_HOST,
                                "127.0.0.1",
                                RegistryConfig.REST_PORT,
                                0),
                        TokenAuthenticator.fromMap(Tokens.byToken(tokens), "benchmark tokens"));
        Configuration conf = new Configuration(flinkConf);
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        MiniCluster flink =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(slots)
                                .build());
        flink.start();
        int port = flink.getRestAddress().get().getPort();
        LOG.info(
                "Benchmark environment: Kafka {}, registry {}, Flink REST port {}",
                kafka.bootstrapServers(),
                registry.uri(),
                port);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        return new LocalBenchEnvironment(
                kafka,
                registry,
                flink,
                SharingBenchmark.Services.open(
                        KafkaClientConfig.of(kafka.bootstrapServers()),
                        registry.uri().toString(),
                        StreamRegistry.DEFAULT_TOPIC,
                        tokenA,
                        tokenB),
                new BenchCluster("localhost", port, os::getProcessCpuTime));
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
    public void close() throws Exception {
        flink.close();
        registry.close();
        kafka.close();
    }
}

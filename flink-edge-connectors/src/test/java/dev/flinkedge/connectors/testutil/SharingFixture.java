package dev.flinkedge.connectors.testutil;

import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.testutil.RegistryInstance;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A registry on a real broker plus the helpers sharing tests use to build jobs. */
public final class SharingFixture implements AutoCloseable {

    private final String bootstrapServers;
    private final RegistryInstance registry;
    private final String registryTopic;

    public SharingFixture(String bootstrapServers, String registryTopic) throws Exception {
        this.bootstrapServers = bootstrapServers;
        this.registryTopic = registryTopic;
        this.registry = RegistryInstance.start(bootstrapServers, registryTopic);
    }

    public RegistryClient client(String principal) {
        return registry.client(principal);
    }

    public SharedChannel channel(String principal) {
        return channel(principal, KafkaClientConfig.of(bootstrapServers));
    }

    /** The channel of {@code principal} whose Kafka clients use {@code kafka}. */
    public SharedChannel channel(String principal, KafkaClientConfig kafka) {
        return SharedChannel.of(
                        kafka, registry.app().uri().toString(), RegistryInstance.token(principal))
                .withRegistryTopic(registryTopic);
    }

    /** A job environment of parallelism 1 with low-latency exchanges. */
    public static StreamExecutionEnvironment environment() {
        return environment(new Configuration());
    }

    /** A job environment of parallelism 1 with low-latency exchanges, on {@code conf}. */
    public static StreamExecutionEnvironment environment(Configuration conf) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.setBufferTimeout(0);
        return env;
    }

    /** A fresh job plan of {@code principal} on a new environment. */
    public EdgeStreams plan(String principal, double fps) {
        return EdgeStreams.on(environment(), client(principal), principal)
                .withChannel(channel(principal))
                .withRawSources(new GeneratedCameras(fps));
    }

    /** How many times any task of the job was restarted (0 if it never failed over). */
    public static int restarts(MiniCluster cluster, JobID job) throws Exception {
        AccessExecutionGraph g = cluster.getExecutionGraph(job).get();
        int max = 0;
        for (AccessExecutionVertex v : g.getAllExecutionVertices()) {
            max = Math.max(max, v.getCurrentExecutionAttempt().getAttemptNumber());
        }
        return max;
    }

    @Override
    public void close() throws InterruptedException {
        registry.close();
    }
}

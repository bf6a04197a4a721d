package dev.flinkedge.connectors.runtime;

import dev.flinkedge.registry.model.StreamDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the Kafka topics of the streams a job produces, before the job starts, so that readers
 * can subscribe at once. The registry names topics but does not create them: a stream that is never
 * produced costs the broker nothing.
 */
public final class StreamTopics {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTopics.class);

    private StreamTopics() {}

    /** Creates the missing topics of {@code streams}; existing ones are left as they are. */
    public static void ensure(String bootstrapServers, List<StreamDescriptor> streams) {
        Map<String, Integer> topics = new java.util.TreeMap<>();
        streams.forEach(d -> topics.put(d.topic(), d.partitions()));
        ensure(bootstrapServers, topics);
    }

    /** Creates the missing topics of {@code partitionsByTopic} (replication: broker default). */
    public static void ensure(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
        if (partitionsByTopic.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (Map.Entry<String, Integer> t : partitionsByTopic.entrySet()) {
                if (existing.contains(t.getKey())) {
                    continue;
                }
                try {
                    admin.createTopics(List.of(new NewTopic(t.getKey(), t.getValue(),
                            (short) -1))).all().get(30, TimeUnit.SECONDS);
                    LOG.info("Created topic '{}'", t.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic '" + t.getKey()
                                + "' at " + bootstrapServers + ": " + e.getCause().getMessage(),
                                e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating stream topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers
                    + " did not list its topics: " + e, e);
        }
    }
}

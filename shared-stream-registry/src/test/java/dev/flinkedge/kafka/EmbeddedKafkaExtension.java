package dev.flinkedge.kafka;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;

/**
 * JUnit 5 extension running one real Kafka broker for a test class: an in-process KRaft broker
 * ({@link EmbeddedKafka}) by default, or a Testcontainers Kafka container when the system property
 * {@code flinkedge.test.kafka=testcontainers} is set (tests are then skipped without Docker).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
 * }</pre>
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback {

    /** Selects the broker kind for all tests of a run. */
    public static final String BACKEND_PROPERTY = "flinkedge.test.kafka";

    private AutoCloseable broker;
    private String bootstrapServers;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if ("testcontainers".equals(System.getProperty(BACKEND_PROPERTY))) {
            TestcontainersKafka tc = TestcontainersKafka.startOrSkip();
            broker = tc;
            bootstrapServers = tc.bootstrapServers();
        } else {
            EmbeddedKafka kafka =
                    EmbeddedKafka.builder().baseDir(Path.of("target", "kafka")).start();
            broker = kafka;
            bootstrapServers = kafka.bootstrapServers();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /** {@code host:port} of the running broker. */
    public String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException(
                    "Kafka is not running; register the extension with"
                            + " @RegisterExtension on a static field");
        }
        return bootstrapServers;
    }
}

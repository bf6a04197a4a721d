package dev.flinkedge.kafka;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** A Kafka broker in a container, for machines with Docker; skips the test without Docker. */
public final class TestcontainersKafka implements AutoCloseable {

    /** Apache's own KRaft image, at the version of the project's Kafka jars. */
    public static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.2.0");

    private final KafkaContainer container;

    private TestcontainersKafka(KafkaContainer container) {
        this.container = container;
    }

    /** Whether a Docker engine answers here. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Starts a container, or aborts the calling test (skipped) when Docker is missing. */
    public static TestcontainersKafka startOrSkip() {
        Assumptions.assumeTrue(dockerAvailable(), "No Docker engine: Testcontainers Kafka skipped");
        KafkaContainer c = new KafkaContainer(IMAGE);
        c.start();
        return new TestcontainersKafka(c);
    }

    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}

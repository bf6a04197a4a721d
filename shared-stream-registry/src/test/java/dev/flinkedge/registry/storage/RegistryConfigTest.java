package dev.flinkedge.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.kafka.KafkaClientConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The store's Kafka clients: the properties file, then kafkastore.client.*, then the servers. */
class RegistryConfigTest {

    @TempDir Path dir;

    @Test
    void theStoreTakesThePropertiesFileWithExplicitSettingsWinning() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("registry-kafka.properties"),
                        "bootstrap.servers=file:9092\n"
                                + "security.protocol=SASL_SSL\n"
                                + "client.dns.lookup=use_all_dns_ips\n");

        KafkaClientConfig fromFile =
                new RegistryConfig(Map.of(RegistryConfig.KAFKA_PROPERTIES, file.toString()))
                        .kafkaClientConfig();
        KafkaClientConfig overridden =
                new RegistryConfig(
                                Map.of(
                                        RegistryConfig.KAFKA_PROPERTIES,
                                        file.toString(),
                                        RegistryConfig.BOOTSTRAP_SERVERS,
                                        "explicit:9092",
                                        RegistryConfig.CLIENT_PREFIX + "security.protocol",
                                        "SSL"))
                        .kafkaClientConfig();

        assertThat(fromFile.bootstrapServers()).isEqualTo("file:9092");
        assertThat(fromFile.properties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("client.dns.lookup", "use_all_dns_ips");
        assertThat(overridden.bootstrapServers()).isEqualTo("explicit:9092");
        assertThat(overridden.properties())
                .containsEntry("security.protocol", "SSL")
                .containsEntry("client.dns.lookup", "use_all_dns_ips");
    }

    @Test
    void withoutServersAnywhereTheStoreIsRefused() {
        assertThatThrownBy(() -> new RegistryConfig(Map.of()).kafkaClientConfig())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No Kafka bootstrap servers given");
    }
}

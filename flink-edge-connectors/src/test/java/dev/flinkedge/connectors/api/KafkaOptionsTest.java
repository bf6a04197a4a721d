package dev.flinkedge.connectors.api;

import static org.apache.flink.configuration.ConfigOptions.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** An explicit bootstrap option wins over the file's servers, which win over its default. */
class KafkaOptionsTest {

    private static final ConfigOption<String> SERVERS =
            key("x.bootstrap-servers").stringType().defaultValue("default:9092");

    @TempDir Path dir;

    @Test
    void explicitServersWinOverTheFileWhichWinsOverTheDefault() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("k.properties"),
                        "bootstrap.servers=file:9092\nclient.dns.lookup=use_all_dns_ips\n");
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.KAFKA_PROPERTIES, file.toString());

        KafkaClientConfig fromFile = KafkaOptions.clientConfig(conf, SERVERS);
        conf.set(SERVERS, "explicit:9092");
        KafkaClientConfig explicit = KafkaOptions.clientConfig(conf, SERVERS);

        assertThat(fromFile.bootstrapServers()).isEqualTo("file:9092");
        assertThat(explicit.bootstrapServers()).isEqualTo("explicit:9092");
        assertThat(explicit.properties()).containsEntry("client.dns.lookup", "use_all_dns_ips");
        assertThat(KafkaOptions.clientConfig(new Configuration(), SERVERS))
                .isEqualTo(KafkaClientConfig.of("default:9092"));
    }

    @Test
    void aMissingFileIsNamedWithItsOption() {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.KAFKA_PROPERTIES, dir.resolve("nope.properties").toString());

        assertThatThrownBy(() -> KafkaOptions.clientConfig(conf, SERVERS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("kafka.properties " + dir.resolve("nope.properties"))
                .hasMessageContaining("does not exist");
    }
}

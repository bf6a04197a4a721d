package dev.flinkedge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

class KafkaClientConfigTest {

    private static final String JAAS =
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"city-a\" password=\"s3cr3t-pw\";";

    @TempDir Path dir;

    private Path file(String content) throws Exception {
        Path f = dir.resolve("client.properties");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void loadsEveryPropertyOfTheFile() throws Exception {
        Path f =
                file(
                        "bootstrap.servers=broker:9092\n"
                                + "security.protocol=SASL_PLAINTEXT\n"
                                + "sasl.mechanism=SCRAM-SHA-512\n"
                                + "sasl.jaas.config="
                                + JAAS
                                + "\n");

        KafkaClientConfig config = KafkaClientConfig.load(f);

        assertThat(config.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(config.properties())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "security.protocol", "SASL_PLAINTEXT",
                                "sasl.mechanism", "SCRAM-SHA-512",
                                "sasl.jaas.config", JAAS));
        Properties props = config.toProperties();
        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("broker:9092");
        assertThat(props.getProperty("sasl.jaas.config")).isEqualTo(JAAS);
    }

    @Test
    void explicitBootstrapServersWinOverTheFile() throws Exception {
        Path f = file("bootstrap.servers=from-file:9092\nclient.dns.lookup=use_all_dns_ips\n");

        KafkaClientConfig config = KafkaClientConfig.resolve("explicit:9092", f);

        assertThat(config.bootstrapServers()).isEqualTo("explicit:9092");
        assertThat(config.toProperties().getProperty("bootstrap.servers"))
                .isEqualTo("explicit:9092");
        assertThat(config.properties()).containsEntry("client.dns.lookup", "use_all_dns_ips");
        assertThat(KafkaClientConfig.resolve(null, f).bootstrapServers())
                .isEqualTo("from-file:9092");
        assertThat(KafkaClientConfig.resolve("explicit:9092", null))
                .isEqualTo(KafkaClientConfig.of("explicit:9092"));
        assertThat(config.withBootstrapServers("other:1").bootstrapServers()).isEqualTo("other:1");
        assertThat(config.withBootstrapServers("other:1").properties())
                .isEqualTo(config.properties());
    }

    @Test
    void fallbackServersApplyOnlyWhenNeitherTheOptionNorTheFileNamesAny() throws Exception {
        Path withServers = file("bootstrap.servers=from-file:9092\n");
        assertThat(KafkaClientConfig.resolve(null, withServers, "fallback:1").bootstrapServers())
                .isEqualTo("from-file:9092");
        assertThat(
                        KafkaClientConfig.resolve("flag:1", withServers, "fallback:1")
                                .bootstrapServers())
                .isEqualTo("flag:1");
        Path without = dir.resolve("other.properties");
        Files.writeString(without, "security.protocol=SSL\n");
        KafkaClientConfig fallback = KafkaClientConfig.resolve(null, without, "fallback:1");
        assertThat(fallback.bootstrapServers()).isEqualTo("fallback:1");
        assertThat(fallback.properties()).containsEntry("security.protocol", "SSL");
    }

    @Test
    void aFileWithoutBootstrapServersNeedsThemExplicitly() throws Exception {
        Path f = file("security.protocol=SASL_SSL\n");

        assertThat(KafkaClientConfig.resolve("b:9092", f).properties())
                .containsEntry("security.protocol", "SASL_SSL");
        assertThatThrownBy(() -> KafkaClientConfig.load(f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("does not set bootstrap.servers");
        assertThatThrownBy(() -> KafkaClientConfig.resolve(null, null))
                .hasMessageContaining("No Kafka bootstrap servers given");
        assertThatThrownBy(() -> KafkaClientConfig.of(" "))
                .hasMessageContaining("bootstrap servers are required");
    }

    @Test
    void aMissingOrUnreadableFileIsNamed() throws Exception {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> KafkaClientConfig.load(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> KafkaClientConfig.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot read Kafka client properties file " + dir);
    }

    @Test
    void toStringAndRedactedHideCredentials() throws Exception {
        KafkaClientConfig config =
                KafkaClientConfig.of(
                        "b:9092",
                        Map.of(
                                "sasl.jaas.config", JAAS,
                                "ssl.truststore.password", "tpw",
                                "ssl.key.password", "kpw",
                                "sasl.oauthbearer.client.secret", "csecret",
                                "security.protocol", "SASL_SSL"));

        String shown = config.toString();

        assertThat(shown)
                .doesNotContain("s3cr3t-pw", "tpw", "kpw", "csecret", "ScramLoginModule")
                .contains("b:9092", "SASL_SSL", "sasl.jaas.config=[redacted]");
        assertThat(config.redacted())
                .containsEntry("ssl.truststore.password", "[redacted]")
                .containsEntry("sasl.oauthbearer.client.secret", "[redacted]")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void toPropertiesIsAFreshCopyAndTheValueSurvivesSerialization() throws Exception {
        KafkaClientConfig config = KafkaClientConfig.of("b:9092", Map.of("linger.ms", "0"));
        config.toProperties().setProperty("linger.ms", "99");
        assertThat(config.toProperties().getProperty("linger.ms")).isEqualTo("0");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(config);
        }
    }
}

package dev.flinkedge.scheduler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

class KafkaCredentialsTest {

    @TempDir Path clusterDir;

    @Test
    void writesOneClientFilePerOwnerReadableByItsOwnerOnly() throws Exception {
        KafkaCredentials credentials =
                KafkaCredentials.prepare(clusterDir, List.of("city-b", "city-a"), "localhost:1");

        Properties cityA = load(credentials.clientProperties("city-a"));
        assertThat(cityA.getProperty("bootstrap.servers")).isEqualTo("localhost:1");
        assertThat(cityA.getProperty("security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(cityA.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(cityA.getProperty("sasl.jaas.config")).contains("username=\"city-a\"");
        assertThat(credentials.clientProperties("city-a"))
                .isEqualTo(clusterDir.resolve("clients").resolve("city-a.properties"));
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(
                                        credentials.clientProperties("city-a"))))
                .isEqualTo("rw-------");
        assertThat(credentials.clientProperties("flinkedge-scheduler")).exists();
        assertThat(credentials.clientProperties("flinkedge-registry")).exists();
    }

    @Test
    void theRegistryCreatesOwnersAndTheSchedulerButNotItselfOrTheBroker() throws Exception {
        KafkaCredentials credentials =
                KafkaCredentials.prepare(clusterDir, List.of("city-a"), "localhost:1");
        assertThat(load(credentials.usersFile()).stringPropertyNames())
                .containsExactlyInAnyOrder("city-a", "flinkedge-scheduler");
        assertThat(credentials.brokerSecurity().superUsers()).containsExactly("flinkedge-registry");
    }

    @Test
    void passwordsSurviveARestartAndNewOwnersGetTheirs() throws Exception {
        KafkaCredentials first =
                KafkaCredentials.prepare(clusterDir, List.of("city-a"), "localhost:1");
        KafkaCredentials again =
                KafkaCredentials.prepare(clusterDir, List.of("city-a", "city-c"), "localhost:1");
        assertThat(load(again.clientProperties("city-a")).getProperty("sasl.jaas.config"))
                .isEqualTo(load(first.clientProperties("city-a")).getProperty("sasl.jaas.config"));
        assertThat(again.clientProperties("city-c")).exists();
        assertThat(KafkaCredentials.load(clusterDir).registry()).isEqualTo(first.registry());
    }

    private static Properties load(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}

package dev.flinkedge.jobs.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.jobs.cli.FlinkEdgeCli;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.model.ResultTopics;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code registry start --embedded-kafka} as a user runs it, in a child JVM: its broker refuses
 * clients without credentials, and each owner it writes client properties for logs in and reaches
 * its own topics only.
 */
class RegistryStartEmbeddedKafkaITCase {

    @TempDir Path workDir;

    @Test
    void theEmbeddedBrokerAdmitsEachOwnerToItsOwnTopicsOnly() throws Exception {
        Path out = workDir.resolve("registry.out");
        Process registry =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                FlinkEdgeCli.class.getName(),
                                "registry",
                                "start",
                                "--embedded-kafka",
                                "--port",
                                "0",
                                "--work-dir",
                                workDir.resolve("work").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
        try {
            Wait.until(
                    () -> read(out).contains("Press Ctrl-C"),
                    Duration.ofSeconds(90),
                    "registry start to print 'Press Ctrl-C'; its output: " + out);
            assertThat(read(out)).contains("SASL/SCRAM, ACLs");
            Path clients = workDir.resolve("work").resolve("clients");
            KafkaClientConfig cityA = KafkaClientConfig.load(clients.resolve("city-a.properties"));
            KafkaClientConfig cityB = KafkaClientConfig.load(clients.resolve("city-b.properties"));
            assertThat(Files.getPosixFilePermissions(clients.resolve("city-a.properties")))
                    .containsExactlyInAnyOrder(
                            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            Properties anonymous = new Properties();
            anonymous.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cityA.bootstrapServers());
            anonymous.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
            anonymous.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
            try (Admin admin = Admin.create(anonymous)) {
                assertThatThrownBy(() -> admin.listTopics().names().get())
                        .isInstanceOf(ExecutionException.class);
            }

            String plates = ResultTopics.topicFor("city-a", "plates");
            try (Admin admin = Admin.create(cityA.toProperties())) {
                admin.createTopics(List.of(new NewTopic(plates, 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(plates);
            }
            try (Admin admin = Admin.create(cityB.toProperties())) {
                Set<String> visible = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(visible).doesNotContain(plates);
            }
        } finally {
            registry.destroy();
            if (!registry.waitFor(60, TimeUnit.SECONDS)) {
                registry.destroyForcibly();
            }
        }
        assertThat(registry.isAlive()).as("registry start still running after SIGTERM").isFalse();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

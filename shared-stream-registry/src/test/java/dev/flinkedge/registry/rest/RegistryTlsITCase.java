package dev.flinkedge.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.errors.RegistryUnavailableException;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The REST API over TLS: a registry with a self-signed keystore (made here with the JDK's keytool)
 * answers over https, a client trusting its certificate connects, one that does not fails saying
 * which option is missing.
 */
class RegistryTlsITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final String PASSWORD = "changeit-123";

    @TempDir static Path dir;

    private static Path truststore;
    private static RegistryInstance registry;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("registry.p12");
        Path cert = dir.resolve("registry.pem");
        truststore = dir.resolve("clients.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "registry",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "registry",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                cert.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "registry",
                "-file",
                cert.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                truststore.toString(),
                "-storepass",
                PASSWORD);
        registry =
                RegistryInstance.start(
                        KAFKA.bootstrapServers(),
                        "_tls",
                        Map.of(
                                RegistryConfig.REST_TLS_ENABLED,
                                "true",
                                RegistryConfig.REST_TLS_KEYSTORE_PATH,
                                keystore.toString(),
                                RegistryConfig.REST_TLS_KEYSTORE_PASSWORD,
                                PASSWORD));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (registry != null) {
            registry.close();
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }

    private static RegistryClient.Builder alice() {
        return RegistryClient.builder()
                .url(registry.app().uri())
                .token(RegistryInstance.token("alice"));
    }

    @Test
    void answersOverHttpsToAClientThatTrustsItsCertificate() {
        assertThat(registry.app().uri().getScheme()).isEqualTo("https");
        RegistryClient client = alice().trustStore(truststore, PASSWORD, "PKCS12").build();
        assertThat(client.isHealthy()).isTrue();
        StreamDescriptor created = client.create(Specs.raw("Video"));
        assertThat(client.describe(created.ref()).name()).isEqualTo("Video");
    }

    @Test
    void aClientWithoutTheTruststoreIsToldWhatToPass() {
        RegistryClient client = alice().build();
        assertThat(client.isHealthy()).isFalse();
        assertThatThrownBy(() -> client.list(null, null))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("TLS")
                .hasMessageContaining(registry.app().uri().toString())
                .hasMessageContaining("truststore");
    }
}

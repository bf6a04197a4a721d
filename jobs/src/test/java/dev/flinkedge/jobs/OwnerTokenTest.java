package dev.flinkedge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where a job's main finds the owner's token, in order, and what it says when it cannot. */
class OwnerTokenTest {

    @TempDir Path dir;

    private final Map<String, String> env = Map.of(TrafficJobOptions.TOKEN_ENV, "from-env");

    @Test
    void theOptionComesFirstThenTheFileThenTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("city-a"), "  from-file\n");
        Configuration conf = new Configuration();
        assertThat(OwnerToken.resolve(conf, env::get)).isEqualTo("from-env");

        conf.set(TrafficJobOptions.REGISTRY_TOKEN_FILE, file.toString());
        assertThat(OwnerToken.resolve(conf, env::get)).isEqualTo("from-file");

        conf.set(TrafficJobOptions.REGISTRY_TOKEN, "from-option");
        assertThat(OwnerToken.resolve(conf, env::get)).isEqualTo("from-option");
    }

    @Test
    void aMissingOrEmptyFileIsAnErrorNotAFallBackToTheEnvironment() throws Exception {
        Configuration conf = new Configuration();
        conf.set(TrafficJobOptions.REGISTRY_TOKEN_FILE, dir.resolve("absent").toString());
        assertThatThrownBy(() -> OwnerToken.resolve(conf, env::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "Cannot read the registry token file " + dir.resolve("absent"))
                .hasMessageContaining("NoSuchFileException");

        conf.set(
                TrafficJobOptions.REGISTRY_TOKEN_FILE,
                Files.writeString(dir.resolve("empty"), " \n").toString());
        assertThatThrownBy(() -> OwnerToken.resolve(conf, env::get))
                .hasMessageContaining("is empty; put the owner's token there");
    }

    @Test
    void noSourceNamesAllThree() {
        assertThatThrownBy(() -> OwnerToken.resolve(new Configuration(), name -> null))
                .hasMessage(
                        "No registry token: pass --registry.token TOKEN or --registry"
                                + ".token-file FILE, or set FLINK_EDGE_TOKEN (the registry's tokens file"
                                + " maps tokens to owners)");
    }
}

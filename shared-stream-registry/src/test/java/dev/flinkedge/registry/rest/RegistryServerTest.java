package dev.flinkedge.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.Map;

class RegistryServerTest {

    @Test
    void readsKeyValueArgumentsAsSettings() {
        assertThat(
                        RegistryServer.settings(
                                "bootstrap.servers=localhost:9092",
                                "rest.port=8090",
                                "tokens.file=/etc/a=b.properties"))
                .isEqualTo(
                        Map.of(
                                "bootstrap.servers",
                                "localhost:9092",
                                "rest.port",
                                "8090",
                                "tokens.file",
                                "/etc/a=b.properties"));
    }

    @Test
    void namesAnArgumentThatIsNoSetting() {
        assertThatThrownBy(() -> RegistryServer.settings("--port"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'--port'")
                .hasMessageContaining("rest.port=8090");
    }
}

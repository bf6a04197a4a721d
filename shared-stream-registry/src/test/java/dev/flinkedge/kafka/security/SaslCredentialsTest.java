package dev.flinkedge.kafka.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class SaslCredentialsTest {

    @Test
    void neverPrintsThePassword() {
        SaslCredentials c = SaslCredentials.of("city-a", "s3cret-value");
        assertThat(c.toString()).contains("city-a").doesNotContain("s3cret-value");
    }

    @Test
    void scramPropertiesEscapeQuotesInThePassword() {
        Map<String, String> props = SaslCredentials.of("city-a", "a\"b\\c").scramClientProperties();
        assertThat(props)
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"city-a\" password=\"a\\\"b\\\\c\";");
    }

    @Test
    void generatedPasswordsDiffer() {
        assertThat(SaslCredentials.generate("u").password())
                .hasSize(32)
                .isNotEqualTo(SaslCredentials.generate("u").password());
    }

    @Test
    void rejectsNamesScramCannotCarry() {
        assertThatThrownBy(() -> SaslCredentials.of("a=b", "p"))
                .hasMessageContaining("must not contain");
        assertThatThrownBy(() -> SaslCredentials.of("a", " ")).hasMessageContaining("password");
    }

    @Test
    void brokerDeniesWhatNoAclAllowsAndNamesItsSuperUsers() {
        BrokerSecurity security =
                BrokerSecurity.of(SaslCredentials.of("broker", "pw"), List.of("registry"));
        Map<String, String> props = security.serverProperties("EXTERNAL", "CONTROLLER");
        assertThat(props)
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry(
                        "authorizer.class.name",
                        "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("super.users", "User:broker;User:registry")
                .containsEntry(
                        "listener.security.protocol.map",
                        "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512");
    }
}

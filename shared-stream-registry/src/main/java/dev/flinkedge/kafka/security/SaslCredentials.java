package dev.flinkedge.kafka.security;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Kafka principal's SASL user name and password, and the client properties that log in with them.
 * The password never appears in {@link #toString()}.
 *
 * <pre>{@code
 * SaslCredentials cityA = SaslCredentials.generate("city-a");
 * Properties props = new Properties();
 * props.putAll(cityA.scramClientProperties());
 * }</pre>
 */
public final class SaslCredentials implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The mechanism of every product principal on the client listener. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    /** The mechanism of the broker's own identity (controller and inter-broker traffic). */
    public static final String PLAIN_MECHANISM = "PLAIN";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final String password;

    private SaslCredentials(String user, String password) {
        this.user = requireText(user, "user");
        this.password = requireText(password, "password");
        if (user.contains("=") || user.contains(",")) {
            // SCRAM's saslname encoding of '=' and ',' is not worth supporting for principals we
            // name ourselves; owner names never contain them.
            throw new IllegalArgumentException(
                    "SASL user '" + user + "' must not contain '=' or ','");
        }
    }

    /** Credentials with the given user name and password. */
    public static SaslCredentials of(String user, String password) {
        return new SaslCredentials(user, password);
    }

    /** Credentials for {@code user} with a fresh random password (192 bits, URL-safe Base64). */
    public static SaslCredentials generate(String user) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return new SaslCredentials(
                user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** {@code User:<user>}, the principal Kafka's authorizer sees. */
    public String principal() {
        return "User:" + user;
    }

    /** Client properties that log in with SCRAM-SHA-512 over SASL_PLAINTEXT. */
    public Map<String, String> scramClientProperties() {
        return clientProperties(
                SCRAM_MECHANISM, "org.apache.kafka.common.security.scram.ScramLoginModule");
    }

    /** Client properties that log in with PLAIN over SASL_PLAINTEXT (the broker's identity). */
    public Map<String, String> plainClientProperties() {
        return clientProperties(
                PLAIN_MECHANISM, "org.apache.kafka.common.security.plain.PlainLoginModule");
    }

    /**
     * The JAAS line of {@code module} for these credentials, with quotes and backslashes escaped.
     */
    String jaas(String module, String extra) {
        return module
                + " required username=\""
                + escape(user)
                + "\" password=\""
                + escape(password)
                + "\""
                + extra
                + ";";
    }

    private Map<String, String> clientProperties(String mechanism, String module) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, mechanism);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(module, ""));
        return props;
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaslCredentials c && c.user.equals(user) && c.password.equals(password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, password);
    }

    @Override
    public String toString() {
        return "SaslCredentials{user=" + user + ", password=***}";
    }
}

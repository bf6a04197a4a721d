package dev.flinkedge.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * How flink-edge's Kafka clients reach the cluster: bootstrap servers plus any other client
 * properties (security protocol, SASL, TLS, timeouts), usually read from a standard Kafka client
 * properties file. Every Kafka client the product creates is built from one of these, so that an
 * owner's credentials reach all of them. Immutable and serializable (it travels in job graphs).
 *
 * <p>{@link #toString()} and the log lines redact credentials: {@code sasl.jaas.config} and every
 * key containing "password" or "secret".
 */
public final class KafkaClientConfig implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaClientConfig.class);

    /** The Kafka client property naming the bootstrap servers. */
    public static final String BOOTSTRAP_SERVERS = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;

    static final String REDACTED = "[redacted]";

    private final String bootstrapServers;
    private final TreeMap<String, String> properties;

    private KafkaClientConfig(String bootstrapServers, Map<String, String> properties) {
        this.bootstrapServers = requireServers(bootstrapServers);
        this.properties = new TreeMap<>(properties);
        this.properties.remove(BOOTSTRAP_SERVERS);
    }

    /** A configuration with nothing but bootstrap servers. */
    public static KafkaClientConfig of(String bootstrapServers) {
        return new KafkaClientConfig(bootstrapServers, Map.of());
    }

    /**
     * A configuration of bootstrap servers and other client properties; a {@code bootstrap.servers}
     * among {@code properties} is ignored in favour of {@code bootstrapServers}.
     */
    public static KafkaClientConfig of(String bootstrapServers, Map<String, String> properties) {
        return new KafkaClientConfig(bootstrapServers, Objects.requireNonNull(properties));
    }

    /**
     * Reads a Kafka client properties file, which must name {@code bootstrap.servers}.
     *
     * @throws IllegalArgumentException if the file is missing, unreadable or names no bootstrap
     *     servers
     */
    public static KafkaClientConfig load(Path file) {
        return resolve(null, file);
    }

    /**
     * The configuration of an explicit bootstrap-servers option and a client properties file,
     * either of which may be absent: the explicit servers win over the file's {@code
     * bootstrap.servers}.
     *
     * @param bootstrapServers explicit bootstrap servers, or null
     * @param file a Kafka client properties file, or null
     * @throws IllegalArgumentException if the file is missing or unreadable, or neither gives
     *     bootstrap servers
     */
    public static KafkaClientConfig resolve(String bootstrapServers, Path file) {
        return resolve(bootstrapServers, file, null);
    }

    /**
     * {@link #resolve(String, Path)}, with {@code fallback} servers (a local cluster's, an
     * environment variable's) used when neither the explicit servers nor the file give any.
     */
    public static KafkaClientConfig resolve(String bootstrapServers, Path file, String fallback) {
        Map<String, String> fromFile = file == null ? Map.of() : read(file);
        String servers =
                bootstrapServers != null && !bootstrapServers.isBlank()
                        ? bootstrapServers
                        : fromFile.getOrDefault(BOOTSTRAP_SERVERS, fallback);
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException(
                    file == null
                            ? "No Kafka bootstrap servers given; give them (e.g."
                                    + " --kafka.bootstrap-servers localhost:9092) or a client"
                                    + " properties file that sets bootstrap.servers"
                            : "No Kafka bootstrap servers given: "
                                    + file
                                    + " does not set bootstrap.servers; add it to the file or"
                                    + " give the servers explicitly");
        }
        if (file != null
                && bootstrapServers != null
                && fromFile.containsKey(BOOTSTRAP_SERVERS)
                && !bootstrapServers.equals(fromFile.get(BOOTSTRAP_SERVERS))) {
            LOG.info(
                    "Kafka bootstrap servers {} given explicitly replace bootstrap.servers={} of {}",
                    bootstrapServers,
                    fromFile.get(BOOTSTRAP_SERVERS),
                    file);
        }
        return new KafkaClientConfig(servers, fromFile);
    }

    private static Map<String, String> read(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(
                    "Kafka client properties file "
                            + file.toAbsolutePath()
                            + " does not exist; give the path of an existing file",
                    e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Cannot read Kafka client properties file "
                            + file.toAbsolutePath()
                            + ": "
                            + e
                            + "; check that it is a readable properties file",
                    e);
        }
        warnIfOthersCanRead(file);
        Map<String, String> out = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k.trim(), props.getProperty(k).trim()));
        return out;
    }

    /** The file may hold a password; say so when others can read it. */
    private static void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ)
                    || perms.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn(
                        "Kafka client properties file {} is readable by other users; it may hold"
                                + " credentials, restrict it with: chmod 600 {}",
                        file,
                        file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Cannot check the permissions of {}: {}", file, e.toString());
        }
    }

    /** The same configuration with other bootstrap servers. */
    public KafkaClientConfig withBootstrapServers(String servers) {
        return new KafkaClientConfig(servers, properties);
    }

    /** The same configuration with {@code overrides} added, replacing properties of equal key. */
    public KafkaClientConfig withProperties(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(properties);
        merged.putAll(overrides);
        String servers = overrides.getOrDefault(BOOTSTRAP_SERVERS, bootstrapServers);
        return new KafkaClientConfig(servers, merged);
    }

    /** The bootstrap servers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The client properties other than {@code bootstrap.servers}, unmodifiable. */
    public Map<String, String> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** All client properties, {@code bootstrap.servers} included, as a fresh copy. */
    public Properties toProperties() {
        Properties p = new Properties();
        p.putAll(properties);
        p.setProperty(BOOTSTRAP_SERVERS, bootstrapServers);
        return p;
    }

    /** All client properties with credentials replaced by {@value #REDACTED}, for logs. */
    public Map<String, String> redacted() {
        Map<String, String> out = new TreeMap<>();
        out.put(BOOTSTRAP_SERVERS, bootstrapServers);
        properties.forEach((k, v) -> out.put(k, isSecret(k) ? REDACTED : v));
        return out;
    }

    /** Whether a client property holds a credential and must not be shown. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.equals("sasl.jaas.config") || k.contains("password") || k.contains("secret");
    }

    private static String requireServers(String servers) {
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException(
                    "Kafka bootstrap servers are required (e.g. localhost:9092) but were not given");
        }
        return servers.trim();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaClientConfig other
                && bootstrapServers.equals(other.bootstrapServers)
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bootstrapServers, properties);
    }

    @Override
    public String toString() {
        return "KafkaClientConfig" + redacted();
    }
}

package dev.flinkedge.scheduler.cluster;

import dev.flinkedge.kafka.security.BrokerSecurity;
import dev.flinkedge.kafka.security.SaslCredentials;
import dev.flinkedge.kafka.security.SecretFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kafka principals of a local cluster and the files that carry them: one SCRAM user per owner,
 * the scheduler's and the registry's, and the broker's own PLAIN identity. Passwords are generated
 * once and kept in {@code <cluster>/kafka-credentials.properties}, so that a restarted cluster and
 * its clients agree; every file is readable by its owner only.
 *
 * <ul>
 *   <li>{@code clients/<user>.properties}: a Kafka client properties file per owner, the scheduler
 *       and the registry — what {@code --kafka.properties} takes.
 *   <li>{@code registry/kafka-users.properties}: the owners' and the scheduler's passwords, from
 *       which the registry creates their SCRAM credentials.
 * </ul>
 */
public final class KafkaCredentials {

    /** The registry's principal: the super user that creates credentials and ACLs. */
    public static final String REGISTRY_USER = "flinkedge-registry";

    /** The scheduler's principal; the registry's {@code kafka.scheduler.user} default. */
    public static final String SCHEDULER_USER = "flinkedge-scheduler";

    static final String BROKER_USER = "flinkedge-broker";
    static final String FILE = "kafka-credentials.properties";
    static final String CLIENTS_DIR = "clients";
    static final String USERS_FILE = "kafka-users.properties";

    private final Map<String, SaslCredentials> byUser;
    private final Path clusterDir;

    private KafkaCredentials(Map<String, SaslCredentials> byUser, Path clusterDir) {
        this.byUser = Map.copyOf(byUser);
        this.clusterDir = clusterDir;
    }

    /**
     * Loads the cluster's credentials, generating those of users it does not have yet (new owners),
     * and writes every derived file for {@code bootstrapServers}.
     */
    static KafkaCredentials prepare(
            Path clusterDir, Collection<String> owners, String bootstrapServers)
            throws IOException {
        KafkaCredentials credentials = prepare(clusterDir, owners);
        credentials.writeClientFiles(bootstrapServers);
        return credentials;
    }

    /**
     * Loads the credentials kept under {@code clusterDir}, generating those of users it does not
     * have yet (new owners), for a broker whose address is not known yet: write the client files
     * with {@link #writeClientFiles} once it is.
     */
    public static KafkaCredentials prepare(Path clusterDir, Collection<String> owners)
            throws IOException {
        Path file = clusterDir.resolve(FILE);
        Map<String, String> passwords =
                Files.exists(file) ? SecretFiles.readProperties(file) : Map.of();
        Map<String, SaslCredentials> byUser = new LinkedHashMap<>();
        for (String user : users(owners)) {
            String password = passwords.get(user);
            byUser.put(
                    user,
                    password == null
                            ? SaslCredentials.generate(user)
                            : SaslCredentials.of(user, password));
        }
        Map<String, String> all = new TreeMap<>();
        byUser.values().forEach(c -> all.put(c.user(), c.password()));
        SecretFiles.writeProperties(
                file,
                all,
                "flink-edge local cluster: Kafka SASL passwords, one 'user=password' line");
        return new KafkaCredentials(byUser, clusterDir);
    }

    /**
     * The credentials of a cluster prepared before, e.g. to start one of its processes again.
     *
     * @throws IOException when the cluster has no credentials file
     */
    static KafkaCredentials load(Path clusterDir) throws IOException {
        Map<String, SaslCredentials> byUser = new LinkedHashMap<>();
        SecretFiles.readProperties(clusterDir.resolve(FILE))
                .forEach((user, password) -> byUser.put(user, SaslCredentials.of(user, password)));
        return new KafkaCredentials(byUser, clusterDir);
    }

    private static List<String> users(Collection<String> owners) {
        List<String> users = new ArrayList<>(List.of(BROKER_USER, REGISTRY_USER, SCHEDULER_USER));
        owners.stream().sorted().forEach(users::add);
        return users;
    }

    /**
     * Writes each principal's client properties for {@code bootstrapServers} (mode 0600) and the
     * registry's users file.
     */
    public void writeClientFiles(String bootstrapServers) throws IOException {
        Map<String, String> registryUsers = new TreeMap<>();
        for (SaslCredentials c : byUser.values()) {
            if (c.user().equals(BROKER_USER)) {
                continue;
            }
            Map<String, String> props = new LinkedHashMap<>();
            props.put("bootstrap.servers", bootstrapServers);
            props.putAll(c.scramClientProperties());
            SecretFiles.writeProperties(
                    clientProperties(c.user()),
                    props,
                    "Kafka client properties of principal "
                            + c.user()
                            + " (flink-edge local cluster)");
            if (!c.user().equals(REGISTRY_USER)) {
                registryUsers.put(c.user(), c.password());
            }
        }
        SecretFiles.writeProperties(
                usersFile(),
                registryUsers,
                "Owners and scheduler whose SCRAM credentials the registry creates");
    }

    /** The broker's security: SCRAM for clients, ACLs, the registry as the only super user. */
    public BrokerSecurity brokerSecurity() {
        return BrokerSecurity.of(byUser.get(BROKER_USER), List.of(REGISTRY_USER));
    }

    /** The registry's credentials, created by the broker's identity right after Kafka starts. */
    public SaslCredentials registry() {
        return byUser.get(REGISTRY_USER);
    }

    /** The client properties file of {@code user} (an owner, the scheduler or the registry). */
    public Path clientProperties(String user) {
        return clientsDir(clusterDir).resolve(user + ".properties");
    }

    /** The registry's {@code kafka.users.file}. */
    public Path usersFile() {
        return clusterDir.resolve(LocalEdgeCluster.REGISTRY).resolve(USERS_FILE);
    }

    /** Where a cluster under {@code clusterDir} keeps its client properties files. */
    public static Path clientsDir(Path clusterDir) {
        return clusterDir.resolve(CLIENTS_DIR);
    }
}

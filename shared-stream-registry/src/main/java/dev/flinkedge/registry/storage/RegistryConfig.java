package dev.flinkedge.registry.storage;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.client.StreamRegistry;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Configuration of a registry instance. Uses Kafka's {@link ConfigDef} (the registry is a Kafka
 * application, configured like Schema Registry); every key has a default and a description, and
 * {@code docs/operations.md} lists them. Keys prefixed {@code kafkastore.client.} are passed to the
 * store's Kafka clients (e.g. {@code kafkastore.client.security.protocol}).
 */
public final class RegistryConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String KAFKA_PROPERTIES = "kafka.properties";
    public static final String TOPIC = "kafkastore.topic";
    public static final String TOPIC_REPLICATION_FACTOR = "kafkastore.topic.replication.factor";
    public static final String TIMEOUT_MS = "kafkastore.timeout.ms";
    public static final String INIT_TIMEOUT_MS = "kafkastore.init.timeout.ms";
    public static final String MAX_BATCH = "kafkastore.write.batch.max";
    public static final String WRITE_BLOCK_MS = "kafkastore.write.block.ms";
    public static final String PROBE_TIMEOUT_MS = "kafkastore.probe.timeout.ms";
    public static final String PROBE_CACHE_MS = "kafkastore.probe.cache.ms";
    public static final String CLIENT_PREFIX = "kafkastore.client.";
    public static final String REST_HOST = "rest.host";
    public static final String REST_PORT = "rest.port";
    public static final String REST_THREADS = "rest.threads";
    public static final String REST_MAX_REQUEST_BYTES = "rest.max.request.bytes";
    public static final String REST_REQUEST_TIMEOUT_SECONDS = "rest.request.timeout.seconds";
    public static final String REST_RESPONSE_TIMEOUT_SECONDS = "rest.response.timeout.seconds";
    public static final String REST_TLS_ENABLED = "rest.tls.enabled";
    public static final String REST_TLS_KEYSTORE_PATH = "rest.tls.keystore.path";
    public static final String REST_TLS_KEYSTORE_PASSWORD = "rest.tls.keystore.password";
    public static final String REST_TLS_KEYSTORE_TYPE = "rest.tls.keystore.type";
    public static final String UNAVAILABLE_RETRY_AFTER_SECONDS =
            "kafkastore.unavailable.retry.after.seconds";
    public static final String TOKENS_FILE = "tokens.file";
    public static final String LEASE_DEFAULT_SECONDS = "subscription.lease.default.seconds";
    public static final String LEASE_MAX_SECONDS = "subscription.lease.max.seconds";
    public static final String LEASE_SWEEP_INTERVAL_MS = "subscription.lease.sweep.interval.ms";
    public static final String PRODUCTION_LEASE_SECONDS = "production.lease.seconds";
    public static final String KAFKA_USERS_FILE = "kafka.users.file";
    public static final String KAFKA_SCHEDULER_USER = "kafka.scheduler.user";
    public static final String KAFKA_POLICY_TOPIC = "kafka.policy.topic";
    public static final String KAFKA_METRICS_TOPIC = "kafka.metrics.topic";
    public static final String KAFKA_ACL_SYNC_INTERVAL_MS = "kafka.acl.sync.interval.ms";

    /** Default REST port; 8081 is Flink's own REST port, so the registry keeps clear of it. */
    public static final int DEFAULT_PORT = 8090;

    static final ConfigDef DEF =
            new ConfigDef()
                    .define(
                            BOOTSTRAP_SERVERS,
                            Type.STRING,
                            null,
                            Importance.HIGH,
                            "Kafka bootstrap servers of the cluster holding the"
                                    + " registry topic. Required unless kafka.properties sets"
                                    + " them; wins over the file's.")
                    .define(
                            KAFKA_PROPERTIES,
                            Type.STRING,
                            null,
                            Importance.HIGH,
                            "Kafka client properties file (bootstrap.servers,"
                                    + " security.protocol, sasl.*, ssl.*) of the store's Kafka"
                                    + " clients; kafkastore.client.* settings win over it. Keep it"
                                    + " readable only by the registry's user: it may hold a"
                                    + " password.")
                    .define(
                            TOPIC,
                            Type.STRING,
                            StreamRegistry.DEFAULT_TOPIC,
                            Importance.HIGH,
                            "Compacted single-partition topic holding all registry state.")
                    .define(
                            TOPIC_REPLICATION_FACTOR,
                            Type.INT,
                            -1,
                            Importance.MEDIUM,
                            "Replication factor used when the registry creates its topic; -1 means"
                                    + " min(3, number of brokers).")
                    .define(
                            TIMEOUT_MS,
                            Type.LONG,
                            10_000L,
                            Range.atLeast(100),
                            Importance.MEDIUM,
                            "How long a write may take to be acknowledged and read back before the"
                                    + " request fails with error 50002.")
                    .define(
                            INIT_TIMEOUT_MS,
                            Type.LONG,
                            60_000L,
                            Range.atLeast(100),
                            Importance.MEDIUM,
                            "How long start-up may take to create or verify the"
                                    + " topic and replay it.")
                    .define(
                            MAX_BATCH,
                            Type.INT,
                            512,
                            Range.between(1, 100_000),
                            Importance.LOW,
                            "Most mutations committed in one Kafka transaction (group commit).")
                    .define(
                            WRITE_BLOCK_MS,
                            Type.LONG,
                            3_000L,
                            Range.atLeast(100),
                            Importance.MEDIUM,
                            "Longest a write waits for Kafka to take it (metadata, transaction"
                                    + " commit; the producer's max.block.ms) before the request"
                                    + " fails with 503 and error 50303, so that clients learn"
                                    + " quickly that Kafka is unreachable.")
                    .define(
                            PROBE_TIMEOUT_MS,
                            Type.LONG,
                            2_000L,
                            Range.atLeast(100),
                            Importance.LOW,
                            "How long the Kafka reachability probe (an Admin describeCluster),"
                                    + " used by /v1/health and before each write, waits for the"
                                    + " cluster to answer.")
                    .define(
                            PROBE_CACHE_MS,
                            Type.LONG,
                            1_500L,
                            Range.atLeast(0),
                            Importance.LOW,
                            "How long a probe's answer is reused, so that health checks and"
                                    + " writes do not ask Kafka on every request; 0 probes every"
                                    + " time.")
                    .define(
                            REST_HOST,
                            Type.STRING,
                            "0.0.0.0",
                            Importance.MEDIUM,
                            "Address the REST API binds to.")
                    .define(
                            REST_PORT,
                            Type.INT,
                            DEFAULT_PORT,
                            Range.between(0, 65535),
                            Importance.HIGH,
                            "Port of the REST API; 0 picks a free port.")
                    .define(
                            REST_THREADS,
                            Type.INT,
                            16,
                            Range.between(1, 1024),
                            Importance.LOW,
                            "Threads serving REST requests.")
                    .define(
                            REST_MAX_REQUEST_BYTES,
                            Type.INT,
                            1 << 20,
                            Range.atLeast(1024),
                            Importance.LOW,
                            "Largest accepted request body; larger ones get 413.")
                    .define(
                            REST_REQUEST_TIMEOUT_SECONDS,
                            Type.INT,
                            10,
                            Range.between(1, 3600),
                            Importance.LOW,
                            "Longest a client may take to send a request (headers and body);"
                                    + " the connection of a slower one is closed, so slow clients"
                                    + " cannot hold every REST thread. JVM-wide: the JDK HTTP"
                                    + " server's sun.net.httpserver.maxReqTime, fixed by the first"
                                    + " server of the JVM; an explicit -D setting wins.")
                    .define(
                            REST_RESPONSE_TIMEOUT_SECONDS,
                            Type.INT,
                            30,
                            Range.between(1, 3600),
                            Importance.LOW,
                            "Longest a client may take to read an answer before its connection is"
                                    + " closed. JVM-wide like rest.request.timeout.seconds"
                                    + " (sun.net.httpserver.maxRspTime).")
                    .define(
                            REST_TLS_ENABLED,
                            Type.BOOLEAN,
                            false,
                            Importance.MEDIUM,
                            "Serve the REST API over https with the key and certificate of"
                                    + " rest.tls.keystore.path; clients then need a truststore"
                                    + " that trusts that certificate unless a public CA signed"
                                    + " it.")
                    .define(
                            REST_TLS_KEYSTORE_PATH,
                            Type.STRING,
                            null,
                            Importance.MEDIUM,
                            "Keystore holding the REST API's private key and certificate chain;"
                                    + " required with rest.tls.enabled=true.")
                    .define(
                            REST_TLS_KEYSTORE_PASSWORD,
                            Type.PASSWORD,
                            null,
                            Importance.MEDIUM,
                            "Password of the keystore and of its key.")
                    .define(
                            REST_TLS_KEYSTORE_TYPE,
                            Type.STRING,
                            "PKCS12",
                            Importance.LOW,
                            "Type of the keystore: PKCS12 or JKS.")
                    .define(
                            UNAVAILABLE_RETRY_AFTER_SECONDS,
                            Type.INT,
                            5,
                            Range.between(1, 3600),
                            Importance.LOW,
                            "Retry-After sent with 503 answers while the store cannot reach"
                                    + " Kafka.")
                    .define(
                            TOKENS_FILE,
                            Type.STRING,
                            null,
                            Importance.HIGH,
                            "Java properties file mapping bearer tokens to owners, one"
                                    + " 'token=owner' per line. Required unless the tokens are"
                                    + " given in code (embedded registries).")
                    .define(
                            LEASE_DEFAULT_SECONDS,
                            Type.INT,
                            30,
                            Range.between(1, 86_400),
                            Importance.LOW,
                            "Lease of a subscription that names none.")
                    .define(
                            LEASE_MAX_SECONDS,
                            Type.INT,
                            3600,
                            Range.between(1, 86_400),
                            Importance.LOW,
                            "Longest lease a subscription may ask for.")
                    .define(
                            LEASE_SWEEP_INTERVAL_MS,
                            Type.LONG,
                            1000L,
                            Range.atLeast(10),
                            Importance.LOW,
                            "How often expired subscriptions are deleted from the"
                                    + " topic and ACTIVE streams whose production lease lapsed"
                                    + " are marked ORPHANED. Expired leases are invisible at"
                                    + " once either way.")
                    .define(
                            PRODUCTION_LEASE_SECONDS,
                            Type.INT,
                            15,
                            Range.between(3, 3600),
                            Importance.LOW,
                            "Production lease of a job that marks a stream ACTIVE; the"
                                    + " job renews it every third of this. A stream whose"
                                    + " lease lapses becomes ORPHANED within a sweep interval.")
                    .define(
                            KAFKA_USERS_FILE,
                            Type.STRING,
                            null,
                            Importance.HIGH,
                            "File of 'user=password' lines, one per Kafka principal: each owner"
                                    + " and the scheduler. When set, the registry creates each"
                                    + " user's SCRAM-SHA-512 credential at start and keeps the"
                                    + " broker's ACLs in step with streams and grants; its own"
                                    + " principal (kafkastore.client.sasl.jaas.config) must be a"
                                    + " super user. Unset: no credentials, no ACLs (a broker"
                                    + " without authorizer).")
                    .define(
                            KAFKA_SCHEDULER_USER,
                            Type.STRING,
                            "flinkedge-scheduler",
                            Importance.LOW,
                            "The user in kafka.users.file that is the scheduler: it may write"
                                    + " the policy topic and read the metrics topic. Every"
                                    + " other user is a stream owner.")
                    .define(
                            KAFKA_POLICY_TOPIC,
                            Type.STRING,
                            "_flinkedge_policies",
                            Importance.LOW,
                            "The camera policy topic: only the scheduler may write it.")
                    .define(
                            KAFKA_METRICS_TOPIC,
                            Type.STRING,
                            "_flinkedge_metrics",
                            Importance.LOW,
                            "The pipeline metrics topic: owners' jobs write it, the scheduler"
                                    + " reads it.")
                    .define(
                            KAFKA_ACL_SYNC_INTERVAL_MS,
                            Type.LONG,
                            30_000L,
                            Range.atLeast(100),
                            Importance.LOW,
                            "How often the ACLs are compared with the registry besides after"
                                    + " each change, so that an ACL changed by hand or a sync"
                                    + " missed while Kafka was unreachable is repaired.");

    public RegistryConfig(Map<?, ?> props) {
        super(DEF, props);
    }

    /** The config definition, for documentation. */
    public static ConfigDef configDef() {
        return new ConfigDef(DEF);
    }

    /**
     * The configuration reference as a Markdown table (key, default, type, description), as
     * published in {@code docs/operations.md}; a test keeps the two in sync.
     */
    public static String toMarkdown() {
        StringBuilder sb =
                new StringBuilder("| key | default | type | description |\n")
                        .append("| --- | --- | --- | --- |\n");
        for (ConfigDef.ConfigKey k : DEF.configKeys().values()) {
            String def = k.hasDefault() ? "`" + k.defaultValue + "`" : "(required)";
            sb.append("| `")
                    .append(k.name)
                    .append("` | ")
                    .append(def)
                    .append(" | ")
                    .append(k.type.name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ")
                    .append(k.documentation)
                    .append(" |\n");
        }
        return sb.toString();
    }

    /**
     * Kafka client configuration of the store: the {@code kafka.properties} file if given, then
     * {@code kafkastore.client.*}, with {@code bootstrap.servers} if given.
     *
     * @throws IllegalArgumentException if the file cannot be read, or no bootstrap servers are
     *     given
     */
    public KafkaClientConfig kafkaClientConfig() {
        Map<String, String> extra = new TreeMap<>();
        originalsWithPrefix(CLIENT_PREFIX).forEach((k, v) -> extra.put(k, String.valueOf(v)));
        String file = getString(KAFKA_PROPERTIES);
        return KafkaClientConfig.resolve(
                        getString(BOOTSTRAP_SERVERS), file == null ? null : Path.of(file))
                .withProperties(extra);
    }

    public String topic() {
        return getString(TOPIC);
    }
}

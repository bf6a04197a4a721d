package dev.flinkedge.scheduler.supervision;

import static org.apache.flink.configuration.ConfigOptions.key;

import dev.flinkedge.connectors.api.KafkaOptions;

import org.apache.flink.configuration.ConfigOption;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the stream supervisor ({@code flink-edge supervisor start}, {@link SupervisorServer},
 * the supervisor {@code cluster start} runs).
 */
public final class SupervisorOptions {

    /** The packaged host job's main class, in the job jar. */
    public static final String HOST_JOB_CLASS = "dev.flinkedge.jobs.HostJob";

    public static final ConfigOption<String> REGISTRY_URL =
            key("registry.url")
                    .stringType()
                    .defaultValue("http://localhost:8090")
                    .withDescription(
                            "REST URL of the shared stream registry, for the supervisor and its"
                                    + " host jobs.");

    public static final ConfigOption<String> FLINK_REST_URL =
            key("flink.rest-url")
                    .stringType()
                    .defaultValue("http://localhost:8081")
                    .withDescription(
                            "REST URL of the Flink JobManager that runs the host jobs (a session"
                                    + " cluster).");

    public static final ConfigOption<String> JOB_JAR =
            key("job-jar")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The flink-edge job jar with "
                                    + HOST_JOB_CLASS
                                    + " and the operators of the supervised streams; uploaded to"
                                    + " the JobManager once (again when it forgot it). Required.");

    public static final ConfigOption<Duration> PERIOD =
            key("period")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "Time between two supervision rounds over each owner's streams: how"
                                    + " long an ORPHANED stream may wait for its host job to be"
                                    + " started. A round lists the owner's streams once. Must be"
                                    + " positive.");

    public static final ConfigOption<String> TOKENS_FILE =
            key("tokens.file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The owners to supervise and their bearer tokens, one token=owner line"
                                    + " each (the registry's tokens file of the local cluster)."
                                    + " This or tokens.dir is required.");

    public static final ConfigOption<String> TOKENS_DIR =
            key("tokens.dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The owners to supervise as a directory with one file per owner,"
                                    + " named by the owner and holding its token (a mounted"
                                    + " Kubernetes Secret). This or tokens.file is required.");

    public static final ConfigOption<String> WORK_DIR =
            key("work-dir")
                    .stringType()
                    .defaultValue("work/supervisor")
                    .withDescription(
                            "Directory where the supervisor writes each owner's token file"
                                    + " (mode 0600) for the host jobs, unless host-job.token-dir"
                                    + " is set.");

    public static final ConfigOption<String> HOST_JOB_TOKEN_DIR =
            key("host-job.token-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Directory on the JobManager with one token file per owner, named by"
                                    + " the owner, that host jobs read (on Kubernetes the job"
                                    + " token Secret's mount). Without it the supervisor writes"
                                    + " them under work-dir, which the JobManager must see.");

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
            key("kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("localhost:9092")
                    .withDescription("Kafka of the shared streams, passed to the host jobs.");

    public static final ConfigOption<String> KAFKA_PROPERTIES =
            key(KafkaOptions.KAFKA_PROPERTIES.key())
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Kafka client properties file (bootstrap.servers, security.protocol,"
                                    + " sasl.*, ssl.*) passed to every host job as"
                                    + " --kafka.properties; the host jobs read it at this path on"
                                    + " the JobManager. kafka.bootstrap-servers, if given, wins"
                                    + " over its bootstrap.servers.");

    public static final ConfigOption<String> HOST_JOB_KAFKA_PROPERTIES_DIR =
            key("host-job.kafka-properties-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Directory on the JobManager with a Kafka client properties file per"
                                    + " owner, named <owner>.properties, passed to that owner's"
                                    + " host jobs as --kafka.properties so that each reads and"
                                    + " writes Kafka with its own credentials. An owner without a"
                                    + " file there gets kafka.properties, if given.");

    public static final ConfigOption<List<String>> HOST_JOB_ARGS =
            key("host-job.args")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "More arguments of every host job, separated by ';', e.g."
                                    + " '--cameras.catalog;/etc/cameras.yaml' for streams computed"
                                    + " from cameras.");

    private SupervisorOptions() {}

    /** Every option, in the order the docs list them. */
    public static List<ConfigOption<?>> all() {
        return List.of(
                REGISTRY_URL,
                FLINK_REST_URL,
                JOB_JAR,
                PERIOD,
                TOKENS_FILE,
                TOKENS_DIR,
                WORK_DIR,
                HOST_JOB_TOKEN_DIR,
                KAFKA_BOOTSTRAP_SERVERS,
                KAFKA_PROPERTIES,
                HOST_JOB_KAFKA_PROPERTIES_DIR,
                HOST_JOB_ARGS);
    }
}

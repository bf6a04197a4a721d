package dev.flinkedge.jobs;

import static org.apache.flink.configuration.ConfigOptions.key;

import dev.flinkedge.connectors.api.KafkaOptions;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.InvalidFieldException;
import dev.flinkedge.registry.model.ResultTopics;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.time.Duration;
import java.util.List;

/**
 * Options of the smart-traffic jobs, passed as {@code --key value} after the jar in {@code flink
 * run -c <job class> flink-edge-jobs-…-job.jar} (see {@link JobArguments}). {@code docs/jobs.md}
 * has them as a table.
 */
@PublicEvolving
public final class TrafficJobOptions {

    /**
     * Environment variable read when {@link #REGISTRY_TOKEN} is not given; the one the {@code
     * flink-edge} CLI reads (whose classes job jars leave out).
     */
    public static final String TOKEN_ENV = "FLINK_EDGE_TOKEN";

    public static final ConfigOption<String> OWNER =
            key("owner")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Owner the job acts as (the principal of the registry token);"
                                    + " the streams the job computes are registered under this owner."
                                    + " Required.");

    public static final ConfigOption<String> REGISTRY_URL =
            key("registry.url")
                    .stringType()
                    .defaultValue("http://localhost:8090")
                    .withDescription("REST URL of the shared stream registry.");

    public static final ConfigOption<String> REGISTRY_TOKEN =
            key("registry.token")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Bearer token of the owner. Without it registry.token-file,"
                                    + " else the environment variable "
                                    + TOKEN_ENV
                                    + " is read"
                                    + " (preferable: arguments show in process lists). One of the three"
                                    + " is required.");

    public static final ConfigOption<String> REGISTRY_TOKEN_FILE =
            key("registry.token-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "File whose content (trimmed) is the owner's bearer token,"
                                    + " read where the job's main runs; used when registry.token is not"
                                    + " given, before "
                                    + TOKEN_ENV
                                    + ". On Kubernetes a Secret key"
                                    + " mounted on the JobManager (see k8s/).");

    public static final ConfigOption<String> REGISTRY_TOPIC =
            key("registry.topic")
                    .stringType()
                    .defaultValue(StreamRegistry.DEFAULT_TOPIC)
                    .withDescription(
                            "Kafka topic of the registry's state, which taps and shared"
                                    + " sources watch for subscriptions; on kafka.bootstrap-servers.");

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
            key("kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("localhost:9092")
                    .withDescription(
                            "Kafka cluster of the shared streams, the registry topic and"
                                    + " the result topics.");

    /** The owner's Kafka client properties file; see {@link KafkaOptions#KAFKA_PROPERTIES}. */
    public static final ConfigOption<String> KAFKA_PROPERTIES = KafkaOptions.KAFKA_PROPERTIES;

    public static final ConfigOption<String> CAMERA_STREAM =
            key("cameras.stream")
                    .stringType()
                    .defaultValue("VideoStream")
                    .withDescription(
                            "RAW stream of camera frames the job starts from: a stream"
                                    + " name of the owner, or OWNER/NAME of a stream granted to the owner."
                                    + " A stream of the owner that does not exist yet is registered with"
                                    + " every camera of cameras.catalog.");

    public static final ConfigOption<String> CAMERA_CATALOG =
            key("cameras.catalog")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Device catalog file (YAML, or JSON by its .json name) with"
                                    + " each camera's id, location and kind. Needed when the job reads"
                                    + " cameras itself, i.e. unless it reuses every stream it needs from"
                                    + " running jobs.");

    public static final ConfigOption<String> CAMERA_POLICY_TOPIC =
            key("cameras.policy-topic")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Compacted topic on kafka.bootstrap-servers with per-camera"
                                    + " policies (fps, resolution) the cameras follow at run time. Without"
                                    + " it cameras deliver their native rate and size.");

    public static final ConfigOption<String> DETECT_MODEL =
            key("detect.model")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "YOLOv8-format ONNX file of the vehicle detector; it must"
                                    + " exist at this path on every TaskManager. Default: yolov8n.onnx in"
                                    + " the models directory ($FLINK_EDGE_MODELS, else work/assets/models,"
                                    + " where bin/fetch-assets puts it). Its file name, not its path,"
                                    + " enters the lineage.");

    public static final ConfigOption<Float> DETECT_CONFIDENCE =
            key("detect.confidence")
                    .floatType()
                    .defaultValue(0.35f)
                    .withDescription("Minimum detector score of a vehicle, in (0, 1).");

    public static final ConfigOption<Float> DETECT_IOU =
            key("detect.iou")
                    .floatType()
                    .defaultValue(0.45f)
                    .withDescription(
                            "Overlap (IoU) in (0, 1] above which the weaker of two"
                                    + " boxes of one class is dropped.");

    public static final ConfigOption<Duration> COUNT_WINDOW =
            key("count.window")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Fixed window of the vehicle count per camera, and of the"
                                    + " per-area sum, on event (capture) time. Must be positive.");

    public static final ConfigOption<List<String>> AREAS =
            key("areas")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "Areas of the area-traffic job as NAME@LAT,LON separated by"
                                    + " ';', e.g. 'ring-road@48.137,11.575;bridge@48.139,11.580'."
                                    + " Required by area-traffic.");

    public static final ConfigOption<Double> AREA_RADIUS =
            key("areas.radius")
                    .doubleType()
                    .defaultValue(300.0)
                    .withDescription(
                            "Metres: an area counts the cameras within this distance of"
                                    + " its centre. Must be positive.");

    public static final ConfigOption<Double> DELIVERY_RADIUS =
            key("delivery.radius")
                    .doubleType()
                    .defaultValue(500.0)
                    .withDescription(
                            "Metres: a vehicle receives the traffic of the areas within"
                                    + " this distance of where a camera last read its plate. Must be"
                                    + " positive.");

    public static final ConfigOption<String> STREAMS_PREFIX =
            key("streams.prefix")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Prefix of the names under which the job registers the"
                                    + " streams it computes (VehicleStream, PlateStream, …). Reuse goes by"
                                    + " lineage, not by name; a prefix keeps differently configured jobs of"
                                    + " one owner apart.");

    /** Where every result option's topic is; see {@link ResultTopics}. */
    private static final String RESULTS_TOPIC_NOTE =
            " The topic is flinkedge.<owner>.results.<name> ('-', '_' and '.' escaped as in"
                    + " stream topics): the owner's, readable by nobody else; read it with"
                    + " flink-edge results tail <owner>/<name>.";

    public static final ConfigOption<String> RESULTS_VEHICLES =
            key("results.vehicles")
                    .stringType()
                    .defaultValue("vehicles")
                    .withDescription(
                            "Name of the vehicle-detection results (per frame, keyed by"
                                    + " camera)."
                                    + RESULTS_TOPIC_NOTE);

    public static final ConfigOption<String> RESULTS_PLATES =
            key("results.plates")
                    .stringType()
                    .defaultValue("plates")
                    .withDescription(
                            "Name of the plate-recognition results (per plate read, keyed by"
                                    + " plate)."
                                    + RESULTS_TOPIC_NOTE);

    public static final ConfigOption<String> RESULTS_ATTRIBUTES =
            key("results.attributes")
                    .stringType()
                    .defaultValue("attributes")
                    .withDescription(
                            "Name of the attribute-recognition results (per vehicle, keyed"
                                    + " by camera)."
                                    + RESULTS_TOPIC_NOTE);

    public static final ConfigOption<String> RESULTS_COUNTS =
            key("results.counts")
                    .stringType()
                    .defaultValue("vehicle-counts")
                    .withDescription(
                            "Name of the vehicle counts (per camera and window, keyed by"
                                    + " camera)."
                                    + RESULTS_TOPIC_NOTE);

    public static final ConfigOption<String> RESULTS_AREA_TRAFFIC =
            key("results.area-traffic")
                    .stringType()
                    .defaultValue("area-traffic")
                    .withDescription(
                            "Name of the per-area traffic (per area and window, keyed by"
                                    + " area)."
                                    + RESULTS_TOPIC_NOTE);

    public static final ConfigOption<String> RESULTS_DELIVERIES =
            key("results.deliveries")
                    .stringType()
                    .defaultValue("traffic-deliveries")
                    .withDescription(
                            "Name of the traffic messages delivered to vehicles (keyed"
                                    + " by vehicle plate)."
                                    + RESULTS_TOPIC_NOTE);

    public static final ConfigOption<String> JOB_NAME =
            key("job.name")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Flink job name. Default: the job's name, e.g."
                                    + " plate-recognition.");

    public static final ConfigOption<String> JOB_SITE =
            key("job.site")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Site recorded in the registry as where the job's streams"
                                    + " are produced.");

    public static final ConfigOption<String> PLACEMENT_TOPOLOGY =
            key("placement.topology")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Topology file (the one the cluster was started or rendered"
                                    + " from) to place the job's operators on: each camera at the edge"
                                    + " site nearest its catalog location (or its device site in the"
                                    + " file), every operator in slot sharing group site-<id> requesting"
                                    + " that site's external resource. The job is refused before"
                                    + " submission when an operator cannot be placed. Without it the job"
                                    + " runs in Flink's default slot sharing group, on any TaskManager.");

    public static final ConfigOption<Duration> JOB_BUFFER_TIMEOUT =
            key("job.buffer-timeout")
                    .durationType()
                    .defaultValue(Duration.ZERO)
                    .withDescription(
                            "How long an exchange between tasks may hold records to fill"
                                    + " a buffer. 0 sends each record at once: frames are large and few, so"
                                    + " waiting for a full buffer only adds latency.");

    private TrafficJobOptions() {}

    /**
     * How the job's Kafka clients reach Kafka: {@link #KAFKA_PROPERTIES} with the servers of {@link
     * #KAFKA_BOOTSTRAP_SERVERS} if given, else the file's, else the default.
     *
     * @throws IllegalArgumentException naming the option whose file cannot be read
     */
    public static KafkaClientConfig kafka(Configuration conf) {
        return KafkaOptions.clientConfig(conf, KAFKA_BOOTSTRAP_SERVERS);
    }

    /**
     * The Kafka topic of the results that {@code results} names, in the namespace of the job's
     * owner ({@link ResultTopics#topicFor}).
     *
     * @throws IllegalArgumentException naming the option when the owner or the name is invalid
     */
    public static String resultTopic(Configuration conf, ConfigOption<String> results) {
        String owner = JobArguments.require(conf, OWNER);
        try {
            return ResultTopics.topicFor(owner, conf.get(results));
        } catch (InvalidFieldException e) {
            throw new IllegalArgumentException("--" + results.key() + ": " + e.getMessage(), e);
        }
    }

    /** Every option, in the order of the documentation. */
    public static List<ConfigOption<?>> all() {
        return List.of(
                OWNER,
                REGISTRY_URL,
                REGISTRY_TOKEN,
                REGISTRY_TOKEN_FILE,
                REGISTRY_TOPIC,
                KAFKA_BOOTSTRAP_SERVERS,
                KAFKA_PROPERTIES,
                CAMERA_STREAM,
                CAMERA_CATALOG,
                CAMERA_POLICY_TOPIC,
                DETECT_MODEL,
                DETECT_CONFIDENCE,
                DETECT_IOU,
                COUNT_WINDOW,
                AREAS,
                AREA_RADIUS,
                DELIVERY_RADIUS,
                STREAMS_PREFIX,
                RESULTS_VEHICLES,
                RESULTS_PLATES,
                RESULTS_ATTRIBUTES,
                RESULTS_COUNTS,
                RESULTS_AREA_TRAFFIC,
                RESULTS_DELIVERIES,
                JOB_NAME,
                JOB_SITE,
                PLACEMENT_TOPOLOGY,
                JOB_BUFFER_TIMEOUT);
    }
}

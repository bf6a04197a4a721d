package dev.flinkedge.jobs;

import dev.flinkedge.connectors.api.AreaRule;
import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.sink.ResultSinks;
import dev.flinkedge.jobs.traffic.Area;
import dev.flinkedge.jobs.traffic.AreaTraffic;
import dev.flinkedge.jobs.traffic.AreasOperator;
import dev.flinkedge.jobs.traffic.AttributesOperator;
import dev.flinkedge.jobs.traffic.CountOperator;
import dev.flinkedge.jobs.traffic.DeliverOperator;
import dev.flinkedge.jobs.traffic.DetectOperator;
import dev.flinkedge.jobs.traffic.ModelFiles;
import dev.flinkedge.jobs.traffic.PlateReading;
import dev.flinkedge.jobs.traffic.PlatesOperator;
import dev.flinkedge.jobs.traffic.SumOperator;
import dev.flinkedge.jobs.traffic.TrafficMessage;
import dev.flinkedge.jobs.traffic.VehicleAttributes;
import dev.flinkedge.jobs.traffic.VehicleCount;
import dev.flinkedge.jobs.traffic.VehicleDetections;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The streams of the smart-traffic case, built from the job options: each method derives one stream
 * under a fixed name (plus {@link TrafficJobOptions#STREAMS_PREFIX}), so every job asking for, say,
 * the vehicles of the same cameras with the same model and thresholds gets the same lineage and
 * reuses the stream a running job already computes.
 *
 * <pre>{@code
 * EdgeStream<EdgeRecord<VehicleDetections>> vehicles = TrafficStreams.vehicles(es, conf);
 * TrafficStreams.toResults(TrafficStreams.plates(es, conf, vehicles), conf,
 *         TrafficJobOptions.RESULTS_PLATES);
 * }</pre>
 */
public final class TrafficStreams {

    /** Detected vehicles per frame. */
    public static final String VEHICLES = "VehicleStream";

    /** Plate readings, keyed by plate. */
    public static final String PLATES = "PlateStream";

    /** Vehicle type and colour. */
    public static final String ATTRIBUTES = "AttributeStream";

    /** Vehicles per camera per window. */
    public static final String COUNTS = "VehicleCountStream";

    /** The area set, announced with the counts. */
    public static final String AREAS = "AreaStream";

    /** Counts grouped by area: {@code LeftUnion(areas, counts)}. */
    public static final String AREA_COUNTS = "AreaCountStream";

    /** Traffic per area per window. */
    public static final String AREA_TRAFFIC = "AreaTrafficStream";

    /** Per-area traffic grouped by nearby vehicle: {@code LeftUnion(vehicles, per-area)}. */
    public static final String NEARBY_TRAFFIC = "NearbyTrafficStream";

    /** Traffic messages delivered to vehicles. */
    public static final String DELIVERIES = "TrafficDeliveryStream";

    private TrafficStreams() {}

    /** The frames of {@link TrafficJobOptions#CAMERA_STREAM}. */
    public static EdgeStream<Frame> video(EdgeStreams es, Configuration conf) {
        return es.importStream(conf.get(TrafficJobOptions.CAMERA_STREAM));
    }

    /** Task x: the vehicles of every frame of the camera stream. */
    public static EdgeStream<EdgeRecord<VehicleDetections>> vehicles(
            EdgeStreams es, Configuration conf) {
        return es.derive(name(conf, VEHICLES), detectOperator(conf), video(es, conf));
    }

    /** The detector the options ask for. */
    public static DetectOperator detectOperator(Configuration conf) {
        Path model =
                conf.getOptional(TrafficJobOptions.DETECT_MODEL)
                        .map(Path::of)
                        .orElseGet(ModelFiles::defaultDetector);
        try {
            return new DetectOperator(
                    model,
                    DetectOperator.vehicleOptions(
                            conf.get(TrafficJobOptions.DETECT_CONFIDENCE),
                            conf.get(TrafficJobOptions.DETECT_IOU)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid --"
                            + TrafficJobOptions.DETECT_CONFIDENCE.key()
                            + " or --"
                            + TrafficJobOptions.DETECT_IOU.key()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Job a: plate readings of {@code vehicles}, keyed by plate. */
    public static EdgeStream<EdgeRecord<PlateReading>> plates(
            EdgeStreams es,
            Configuration conf,
            EdgeStream<EdgeRecord<VehicleDetections>> vehicles) {
        return es.derive(name(conf, PLATES), new PlatesOperator(), vehicles);
    }

    /** Job b: type and colour of each of {@code vehicles}. */
    public static EdgeStream<EdgeRecord<VehicleAttributes>> attributes(
            EdgeStreams es,
            Configuration conf,
            EdgeStream<EdgeRecord<VehicleDetections>> vehicles) {
        return es.derive(name(conf, ATTRIBUTES), new AttributesOperator(), vehicles);
    }

    /** Vehicles per camera per {@link TrafficJobOptions#COUNT_WINDOW}. */
    public static EdgeStream<EdgeRecord<VehicleCount>> counts(
            EdgeStreams es,
            Configuration conf,
            EdgeStream<EdgeRecord<VehicleDetections>> vehicles) {
        return es.derive(
                name(conf, COUNTS), new CountOperator(), vehicles.fixedWindow(window(conf)));
    }

    /**
     * Per-area traffic: {@code LeftUnion(areas, counts) | Sum} over the same window as the counts.
     */
    public static EdgeStream<EdgeRecord<AreaTraffic>> areaTraffic(
            EdgeStreams es, Configuration conf, EdgeStream<EdgeRecord<VehicleCount>> counts) {
        EdgeStream<EdgeRecord<Area>> areas =
                es.derive(name(conf, AREAS), new AreasOperator(areas(conf)), counts);
        EdgeStream<EdgeRecord<VehicleCount>> byArea =
                es.leftUnion(
                        name(conf, AREA_COUNTS),
                        AreaRule.within(positive(conf, TrafficJobOptions.AREA_RADIUS)),
                        areas,
                        counts);
        return es.derive(
                name(conf, AREA_TRAFFIC), new SumOperator(), byArea.fixedWindow(window(conf)));
    }

    /**
     * Traffic delivered to vehicles: {@code LeftUnion(vehicles, per-area) | Deliver}, where a
     * vehicle is a plate and stands where a camera last read it.
     */
    public static EdgeStream<EdgeRecord<TrafficMessage>> deliveries(
            EdgeStreams es,
            Configuration conf,
            EdgeStream<EdgeRecord<PlateReading>> vehicles,
            EdgeStream<EdgeRecord<AreaTraffic>> perArea) {
        EdgeStream<EdgeRecord<AreaTraffic>> nearby =
                es.leftUnion(
                        name(conf, NEARBY_TRAFFIC),
                        AreaRule.within(positive(conf, TrafficJobOptions.DELIVERY_RADIUS)),
                        vehicles,
                        perArea);
        return es.derive(name(conf, DELIVERIES), new DeliverOperator(), nearby);
    }

    /**
     * Writes {@code stream} as JSON to the owner's topic of the results that {@code topic} names
     * ({@link TrafficJobOptions#resultTopic}). Contacts nothing: the launcher creates the topic
     * ({@link TrafficJob#resultTopics}).
     */
    public static <T extends EdgeData> void toResults(
            EdgeStream<T> stream, Configuration conf, ConfigOption<String> topic) {
        stream.sinkTo(
                ResultSinks.kafkaJson(
                        TrafficJobOptions.kafka(conf), TrafficJobOptions.resultTopic(conf, topic)));
    }

    private static String name(Configuration conf, String stream) {
        return conf.get(TrafficJobOptions.STREAMS_PREFIX) + stream;
    }

    private static List<Area> areas(Configuration conf) {
        List<String> specs = JobArguments.require(conf, TrafficJobOptions.AREAS);
        try {
            return Area.parseAll(specs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid --" + TrafficJobOptions.AREAS.key() + ": " + e.getMessage(), e);
        }
    }

    private static Duration window(Configuration conf) {
        Duration window = conf.get(TrafficJobOptions.COUNT_WINDOW);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "--"
                            + TrafficJobOptions.COUNT_WINDOW.key()
                            + " must be positive but was "
                            + window);
        }
        return window;
    }

    private static double positive(Configuration conf, ConfigOption<Double> option) {
        double value = conf.get(option);
        if (!(value > 0)) {
            throw new IllegalArgumentException(
                    "--" + option.key() + " must be positive (metres)" + " but was " + value);
        }
        return value;
    }
}

package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.image.JpegEncoder;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.jobs.vision.Box;
import dev.flinkedge.jobs.vision.Detection;
import dev.flinkedge.jobs.vision.SharedModels;
import dev.flinkedge.jobs.vision.YoloDetector;
import dev.flinkedge.jobs.vision.YoloOptions;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Task x: finds the vehicles in each frame with a YOLOv8 model and cuts each out as JPEG. One
 * output per frame, with no vehicles when there are none. Parameters (lineage): {@code model} (file
 * name without {@code .onnx}), {@code confidence}, {@code iou} and {@code classes}. The model is
 * loaded once per TaskManager and shared by the operator instances there.
 *
 * <pre>{@code
 * EdgeStream<EdgeRecord<VehicleDetections>> vehicles = es.derive("VehicleStream",
 *         new DetectOperator(Path.of("work/assets/models/yolov8n.onnx"),
 *                 DetectOperator.vehicleOptions(0.35f, 0.45f)), video);
 * }</pre>
 */
public final class DetectOperator extends MapOperator<Frame, EdgeRecord<VehicleDetections>> {
    private static final long serialVersionUID = 1L;

    /** Catalogue name. */
    public static final String NAME = "detect";

    /** Version: bump when the output changes for the same frames and parameters. */
    public static final String VERSION = "1";

    /** Output type. */
    public static final TypeInformation<EdgeRecord<VehicleDetections>> OUTPUT =
            TypeInformation.of(new TypeHint<EdgeRecord<VehicleDetections>>() {});

    /** The detector classes that are vehicles. */
    public static final Set<String> VEHICLE_CLASSES =
            Set.of("car", "bus", "truck", "motorcycle", "bicycle");

    /** JPEG quality of the crops: high enough for plate reading. */
    static final float CROP_QUALITY = 0.9f;

    /** Overlap above which a detection is the ground-truth object it covers. */
    static final double TRUTH_IOU = 0.5;

    private final String modelFile;
    private final YoloOptions options;
    private transient SharedModels.Lease<YoloDetector> detector;
    private transient JpegEncoder jpeg;

    /**
     * @param modelFile a YOLOv8-format ONNX file; it must exist at this path on every TaskManager
     * @param options thresholds and kept classes
     */
    public DetectOperator(Path modelFile, YoloOptions options) {
        super(NAME, VERSION, params(modelFile, options), OUTPUT);
        this.modelFile = modelFile.toAbsolutePath().toString();
        this.options = options;
    }

    /** Options keeping the {@link #VEHICLE_CLASSES}. */
    public static YoloOptions vehicleOptions(float confidence, float iou) {
        return new YoloOptions(confidence, iou, VEHICLE_CLASSES);
    }

    /** The {@link YoloOptions#defaults()} thresholds, keeping the {@link #VEHICLE_CLASSES}. */
    public static YoloOptions vehicleOptions() {
        YoloOptions defaults = YoloOptions.defaults();
        return vehicleOptions(defaults.confidence(), defaults.iou());
    }

    private static Map<String, String> params(Path modelFile, YoloOptions options) {
        Map<String, String> p = new TreeMap<>();
        p.put("model", modelFile.getFileName().toString().replaceFirst("\\.onnx$", ""));
        p.put("confidence", Float.toString(options.confidence()));
        p.put("iou", Float.toString(options.iou()));
        p.put("classes", String.join(",", new TreeSet<>(options.classes())));
        return p;
    }

    @Override
    public void open(RuntimeContext context) {
        detector = YoloDetector.shared(Path.of(modelFile), options);
        jpeg = new JpegEncoder(CROP_QUALITY);
    }

    @Override
    public void process(Frame frame, Collector<EdgeRecord<VehicleDetections>> out) {
        BufferedImage image = VehicleImages.decode(frame);
        List<DetectedVehicle> vehicles = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        // detect keeps only the options' classes and boxes clipped to the image.
        for (Detection d : detector.get().detect(image)) {
            Box box = d.box();
            byte[] crop = jpeg.encode(VehicleImages.crop(image, box));
            vehicles.add(
                    new DetectedVehicle(
                            vehicles.size(),
                            d.label(),
                            Math.min(1f, Math.max(0f, d.confidence())),
                            box,
                            crop,
                            matchTruth(frame.groundTruth(), box, matched)));
        }
        out.collect(
                EdgeRecord.derivedFrom(
                                frame,
                                new VehicleDetections(
                                        frame.sequence(),
                                        image.getWidth(),
                                        image.getHeight(),
                                        vehicles))
                        .withStage(NAME, System.currentTimeMillis()));
    }

    /**
     * The ground-truth object {@code box} covers best (IoU at least {@link #TRUTH_IOU}) among those
     * not yet {@code matched}, or null. Detections come most confident first, so the most confident
     * detection of an object takes it.
     */
    static GroundTruth.TruthObject matchTruth(GroundTruth truth, Box box, Set<String> matched) {
        if (truth == null) {
            return null;
        }
        GroundTruth.TruthObject best = null;
        double bestIou = TRUTH_IOU;
        for (GroundTruth.TruthObject o : truth.objects()) {
            if (o.w() < 1 || o.h() < 1 || matched.contains(o.objectId())) {
                continue;
            }
            double iou = box.iou(new Box(o.x(), o.y(), o.w(), o.h()));
            if (iou >= bestIou) {
                best = o;
                bestIou = iou;
            }
        }
        if (best != null) {
            matched.add(best.objectId());
        }
        return best;
    }

    @Override
    public void close() {
        if (detector != null) {
            detector.close();
            detector = null;
        }
        if (jpeg != null) {
            jpeg.close();
            jpeg = null;
        }
    }

    /**
     * Rebuilds the operator from lineage; the model file is looked up by name in {@link
     * ModelFiles#directory()}.
     */
    public static final class Factory extends TrafficOperatorFactory {
        private static final long serialVersionUID = 1L;

        public Factory() {
            super(NAME, VERSION);
        }

        @Override
        public EdgeOperator<?, ?> create(Map<String, String> params) {
            String model = TrafficParams.required(NAME, params, "model");
            Set<String> classes =
                    new HashSet<>(
                            Arrays.asList(
                                    TrafficParams.required(NAME, params, "classes").split(",")));
            return new DetectOperator(
                    ModelFiles.directory().resolve(model + ".onnx"),
                    new YoloOptions(
                            TrafficParams.floatParam(NAME, params, "confidence"),
                            TrafficParams.floatParam(NAME, params, "iou"),
                            classes));
        }
    }
}

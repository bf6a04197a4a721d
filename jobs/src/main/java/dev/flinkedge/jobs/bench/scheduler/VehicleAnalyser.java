package dev.flinkedge.jobs.bench.scheduler;

import dev.flinkedge.jobs.bench.workload.DetectedObject;
import dev.flinkedge.jobs.traffic.DetectOperator;
import dev.flinkedge.jobs.traffic.PlatesOperator;
import dev.flinkedge.jobs.vision.Box;
import dev.flinkedge.jobs.vision.Detection;
import dev.flinkedge.jobs.vision.PlateReader;
import dev.flinkedge.jobs.vision.PlateText;
import dev.flinkedge.jobs.vision.SharedModels;
import dev.flinkedge.jobs.vision.YoloDetector;
import dev.flinkedge.jobs.vision.YoloOptions;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmark's analysis of one frame with the real models: YOLO finds the vehicles, PP-OCR reads
 * the plates of the largest few motor vehicles lying wholly inside the frame (a plate cut by the
 * border cannot be read, and reading every vehicle would cost more than detecting them). Both
 * models are shared by all analysers of the JVM ({@link SharedModels}); close the analyser to
 * release them.
 */
public final class VehicleAnalyser implements AutoCloseable {

    /** The detector classes that are vehicles: everything the synthetic scene shows. */
    public static final Set<String> VEHICLES = DetectOperator.VEHICLE_CLASSES;

    /** The vehicle classes that carry a plate. */
    public static final Set<String> PLATED = PlatesOperator.PLATED_CLASSES;

    /** Detector thresholds: those of {@link YoloOptions#defaults()}, for vehicles only. */
    static final YoloOptions OPTIONS = DetectOperator.vehicleOptions();

    /** Pixels a box must keep from the border for its plate to be read. */
    private static final int BORDER = 2;

    private final SharedModels.Lease<YoloDetector> detector;
    private final SharedModels.Lease<PlateReader> plates;
    private final int platesPerFrame;

    private VehicleAnalyser(
            SharedModels.Lease<YoloDetector> detector,
            SharedModels.Lease<PlateReader> plates,
            int platesPerFrame) {
        this.detector = detector;
        this.plates = plates;
        this.platesPerFrame = platesPerFrame;
    }

    /**
     * Takes leases on the detector at {@code model} and on the plate reader.
     *
     * @param platesPerFrame plates read per frame at most, {@code >= 0}
     * @throws dev.flinkedge.jobs.vision.ModelLoadException when a model cannot be loaded
     */
    public static VehicleAnalyser open(Path model, int platesPerFrame) {
        if (platesPerFrame < 0) {
            throw new IllegalArgumentException(
                    "plates per frame " + platesPerFrame + " must be >= 0");
        }
        SharedModels.Lease<YoloDetector> detector = YoloDetector.shared(model, OPTIONS);
        try {
            return new VehicleAnalyser(detector, PlateReader.shared(), platesPerFrame);
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    /** The vehicles in {@code image}, most confident first, plates read on some of them. */
    public List<DetectedObject> analyse(BufferedImage image) {
        // detect keeps only the OPTIONS' classes, the vehicles.
        List<Detection> found = detector.get().detect(image);
        List<Detection> toRead =
                found.stream()
                        .filter(d -> PLATED.contains(d.label()) && inside(d.box(), image))
                        .sorted(Comparator.comparingLong((Detection d) -> area(d.box())).reversed())
                        .limit(platesPerFrame)
                        .toList();
        List<DetectedObject> out = new ArrayList<>(found.size());
        for (Detection d : found) {
            String plate = null;
            if (toRead.contains(d)) {
                Box b = d.box();
                Optional<PlateText> text =
                        plates.get().read(image.getSubimage(b.x(), b.y(), b.width(), b.height()));
                plate = text.map(PlateText::text).orElse("");
            }
            out.add(
                    new DetectedObject(
                            d.label(), Math.min(1f, Math.max(0f, d.confidence())), d.box(), plate));
        }
        return out;
    }

    private static boolean inside(Box b, BufferedImage image) {
        return b.x() >= BORDER
                && b.y() >= BORDER
                && b.x() + b.width() <= image.getWidth() - BORDER
                && b.y() + b.height() <= image.getHeight() - BORDER;
    }

    private static long area(Box b) {
        return (long) b.width() * b.height();
    }

    @Override
    public void close() {
        try {
            detector.close();
        } finally {
            plates.close();
        }
    }
}

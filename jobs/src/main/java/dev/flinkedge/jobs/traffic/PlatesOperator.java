package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.jobs.vision.PlateReader;
import dev.flinkedge.jobs.vision.PlateText;
import dev.flinkedge.jobs.vision.SharedModels;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Job a: reads the licence plate of each motor vehicle of a detection record with PP-OCR v4 and
 * emits one reading per plate read, keyed by the plate (the vehicle's identity). Bicycles have no
 * plate and are skipped. The OCR models are loaded once per TaskManager.
 */
public final class PlatesOperator
        extends MapOperator<EdgeRecord<VehicleDetections>, EdgeRecord<PlateReading>> {
    private static final long serialVersionUID = 1L;

    /** Catalogue name. */
    public static final String NAME = "plates";

    /** Version: bump when the output changes for the same input. */
    public static final String VERSION = "1";

    /** Output type. */
    public static final TypeInformation<EdgeRecord<PlateReading>> OUTPUT =
            TypeInformation.of(new TypeHint<EdgeRecord<PlateReading>>() {});

    /** The vehicle classes that carry plates. */
    public static final Set<String> PLATED_CLASSES = Set.of("car", "bus", "truck", "motorcycle");

    private transient SharedModels.Lease<PlateReader> reader;

    public PlatesOperator() {
        super(
                NAME,
                VERSION,
                Map.of(
                        "ocr",
                        "ppocr-v4",
                        "classes",
                        String.join(",", new TreeSet<>(PLATED_CLASSES))),
                OUTPUT);
    }

    @Override
    public void open(RuntimeContext context) {
        reader = PlateReader.shared();
    }

    @Override
    public void process(EdgeRecord<VehicleDetections> in, Collector<EdgeRecord<PlateReading>> out) {
        for (DetectedVehicle v : in.payload().vehicles()) {
            if (!PLATED_CLASSES.contains(v.label())) {
                continue;
            }
            Optional<PlateText> text = reader.get().read(v.cropImage());
            if (text.isEmpty() || text.get().text().isEmpty()) {
                continue;
            }
            PlateText t = text.get();
            PlateReading reading =
                    new PlateReading(
                            in.payload().frameSequence(),
                            v.index(),
                            v.label(),
                            v.box(),
                            t.text(),
                            Math.min(1f, Math.max(0f, t.confidence())),
                            v.truth());
            out.collect(
                    in.withPayload(reading)
                            .withKey(t.text())
                            .withStage(NAME, System.currentTimeMillis()));
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    /** Rebuilds the operator from lineage. */
    public static final class Factory extends TrafficOperatorFactory {
        private static final long serialVersionUID = 1L;

        public Factory() {
            super(NAME, VERSION);
        }

        @Override
        public EdgeOperator<?, ?> create(Map<String, String> params) {
            return new PlatesOperator();
        }
    }
}

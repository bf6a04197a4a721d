package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.jobs.vision.Box;
import dev.flinkedge.jobs.vision.ColourClassifier;

import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Job b: the type (the detector's class) and dominant colour of each detected vehicle, one output
 * per vehicle, keyed by camera.
 */
public final class AttributesOperator
        extends MapOperator<EdgeRecord<VehicleDetections>, EdgeRecord<VehicleAttributes>> {
    private static final long serialVersionUID = 1L;

    /** Catalogue name. */
    public static final String NAME = "attributes";

    /** Version: bump when the output changes for the same input. */
    public static final String VERSION = "1";

    /** Output type. */
    public static final TypeInformation<EdgeRecord<VehicleAttributes>> OUTPUT =
            TypeInformation.of(new TypeHint<EdgeRecord<VehicleAttributes>>() {});

    public AttributesOperator() {
        super(NAME, VERSION, Map.of("colour", "hsv-histogram"), OUTPUT);
    }

    @Override
    public void process(
            EdgeRecord<VehicleDetections> in, Collector<EdgeRecord<VehicleAttributes>> out) {
        for (DetectedVehicle v : in.payload().vehicles()) {
            BufferedImage crop = v.cropImage();
            String colour =
                    ColourClassifier.classify(
                            crop, new Box(0, 0, crop.getWidth(), crop.getHeight()));
            out.collect(
                    in.withPayload(
                                    new VehicleAttributes(
                                            in.payload().frameSequence(),
                                            v.index(),
                                            v.label(),
                                            v.confidence(),
                                            colour,
                                            v.box(),
                                            v.truth()))
                            .withStage(NAME, System.currentTimeMillis()));
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
            return new AttributesOperator();
        }
    }
}

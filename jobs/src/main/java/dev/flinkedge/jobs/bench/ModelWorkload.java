package dev.flinkedge.jobs.bench;

import dev.flinkedge.connectors.api.RawSourceFactory;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.source.camera.CatalogCameras;
import dev.flinkedge.connectors.source.camera.DeviceCatalog;
import dev.flinkedge.jobs.traffic.AttributesOperator;
import dev.flinkedge.jobs.traffic.DetectOperator;
import dev.flinkedge.jobs.traffic.PlatesOperator;
import dev.flinkedge.jobs.traffic.VehicleDetections;

import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sharing benchmark with the real models: YOLOv8 vehicle detection (x), PP-OCR v4 plate reading
 * (a) and type + colour attributes (b), on synthetic traffic cameras.
 */
public final class ModelWorkload implements SharingWorkload<EdgeRecord<VehicleDetections>> {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;

    private final Path model;
    private final int cameras;

    /**
     * @param model the YOLOv8-format detector, readable at this path by every TaskManager
     * @param cameras how many synthetic cameras, {@code cam-1} … (the benchmark's device ids)
     */
    public ModelWorkload(Path model, int cameras) {
        this.model = Objects.requireNonNull(model, "model").toAbsolutePath();
        this.cameras = cameras;
    }

    @Override
    public String describe() {
        return "real models: " + model.getFileName() + " detection, PP-OCR v4 plates";
    }

    @Override
    public DetectOperator detect() {
        return new DetectOperator(model, DetectOperator.vehicleOptions());
    }

    @Override
    public PlatesOperator recognise() {
        return new PlatesOperator();
    }

    @Override
    public AttributesOperator attributes() {
        return new AttributesOperator();
    }

    @Override
    public TypeInformation<EdgeRecord<VehicleDetections>> vehiclesType() {
        return DetectOperator.OUTPUT;
    }

    @Override
    public RawSourceFactory cameras(double fps) {
        List<CameraDevice> devices = new ArrayList<>();
        for (int i = 1; i <= cameras; i++) {
            devices.add(
                    new CameraDevice(
                            "cam-" + i,
                            new GeoPoint(48.15 + i * 0.001, 11.55),
                            CameraSpec.synthetic(i, fps, WIDTH, HEIGHT)));
        }
        return CatalogCameras.of(DeviceCatalog.of(devices));
    }
}

package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;

import java.util.Map;

/** The newest metrics window of each camera, as the control loop reads them. */
@FunctionalInterface
public interface MetricsSource {

    /** The newest window per camera id; cameras never heard of are absent. */
    Map<String, CameraMetricsWindow> latest();
}

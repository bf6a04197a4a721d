package dev.flinkedge.jobs.vision;

import java.io.Serializable;
import java.util.Set;

/**
 * Thresholds and kept classes of a {@link YoloDetector}.
 *
 * @param confidence minimum class score of a kept box
 * @param iou overlap above which the weaker of two same-class boxes is dropped
 * @param classes class names kept (COCO names)
 */
public record YoloOptions(float confidence, float iou, Set<String> classes)
        implements Serializable {

    /** The traffic classes: car, bus, truck, motorcycle, bicycle, person. */
    public static final Set<String> TRAFFIC =
            Set.of("car", "bus", "truck", "motorcycle", "bicycle", "person");

    /** Defaults for traffic scenes. */
    public static YoloOptions defaults() {
        return new YoloOptions(0.35f, 0.45f, TRAFFIC);
    }

    public YoloOptions {
        if (!(confidence > 0 && confidence < 1) || !(iou > 0 && iou <= 1)) {
            throw new IllegalArgumentException(
                    "need 0 < confidence < 1 and 0 < iou <= 1, got " + confidence + " and " + iou);
        }
        classes = Set.copyOf(classes);
    }
}

package dev.flinkedge.connectors.source.camera.synthetic;

import org.apache.flink.annotation.Internal;

/**
 * One road user of the synthetic scene at one moment, in scene units.
 *
 * @param objectId stable id while the vehicle crosses the scene
 * @param type what it is
 * @param colour colour name
 * @param plate licence plate text, or null for bicycles
 * @param left left edge of its bounding box
 * @param bottom bottom edge (where the wheels touch the road)
 * @param scale perspective scale of its lane
 * @param facingRight whether it drives to the right
 */
@Internal
record Vehicle(
        String objectId,
        VehicleType type,
        String colour,
        String plate,
        double left,
        double bottom,
        double scale,
        boolean facingRight) {

    double width() {
        return type.length() * scale;
    }

    double height() {
        return type.height() * scale;
    }

    double top() {
        return bottom - height();
    }
}

package dev.flinkedge.connectors.source.camera.synthetic;

import org.apache.flink.annotation.Internal;

import java.util.List;

/**
 * The kinds of road users in the synthetic scene, with their size in scene units (pixels of a
 * 1280×720 frame for the nearest lane), their share of the traffic, the colours they come in and
 * their licence plate size (none for bicycles).
 */
@Internal
enum VehicleType {
    CAR("car", 210, 85, 0.55, List.of("red", "blue", "white", "black", "silver", "green"), 96, 26),
    BUS("bus", 400, 150, 0.10, List.of("yellow", "red", "blue", "white"), 120, 30),
    TRUCK("truck", 360, 140, 0.12, List.of("white", "blue", "red", "green", "orange"), 112, 28),
    MOTORCYCLE("motorcycle", 120, 85, 0.13, List.of("black", "red", "blue", "silver"), 76, 22),
    BICYCLE("bicycle", 95, 72, 0.10, List.of("blue", "red", "green", "black"), 0, 0);

    private final String className;
    private final int length;
    private final int height;
    private final double share;
    private final List<String> colours;
    private final int plateWidth;
    private final int plateHeight;

    VehicleType(
            String className,
            int length,
            int height,
            double share,
            List<String> colours,
            int plateWidth,
            int plateHeight) {
        this.className = className;
        this.length = length;
        this.height = height;
        this.share = share;
        this.colours = colours;
        this.plateWidth = plateWidth;
        this.plateHeight = plateHeight;
    }

    /** Ground-truth class name (COCO-style). */
    String className() {
        return className;
    }

    int length() {
        return length;
    }

    int height() {
        return height;
    }

    List<String> colours() {
        return colours;
    }

    boolean hasPlate() {
        return plateWidth > 0;
    }

    int plateWidth() {
        return plateWidth;
    }

    int plateHeight() {
        return plateHeight;
    }

    /** The type whose cumulative share covers {@code u} in [0, 1). */
    static VehicleType pick(double u) {
        double acc = 0;
        for (VehicleType t : values()) {
            acc += t.share;
            if (u < acc) {
                return t;
            }
        }
        return CAR;
    }

    /** The longest type, which bounds the spacing of vehicles in a lane. */
    static int maxLength() {
        int max = 0;
        for (VehicleType t : values()) {
            max = Math.max(max, t.length);
        }
        return max;
    }
}

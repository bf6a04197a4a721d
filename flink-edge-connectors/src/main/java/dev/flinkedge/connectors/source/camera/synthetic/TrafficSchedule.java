package dev.flinkedge.connectors.source.camera.synthetic;

import org.apache.flink.annotation.Internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where every vehicle of the synthetic scene is at a given scene time, computed directly from the
 * seed without simulating the past: lane {@code l} offers a vehicle slot every {@code headway}
 * seconds, and slot {@code k}'s vehicle (if any) and its attributes come from a random generator
 * seeded with {@code (seed, l, k)}. All vehicles of a lane share its speed, so they never overlap.
 * Any scene time can be rendered in any order, which lets a lower frame rate simply skip states.
 */
@Internal
final class TrafficSchedule {

    static final double SCENE_WIDTH = 1280;
    static final double ROAD_TOP = 262;
    static final double LANE_HEIGHT = 104;
    static final int LANES = 4;

    private static final double[] LANE_SCALE = {0.70, 0.80, 0.90, 1.00};
    private static final double[] LANE_SPEED = {130, 165, 185, 150};
    private static final double MIN_GAP = 70;
    private static final double OCCUPANCY = 0.75;
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTVWXY";

    private final long seed;
    private final double[] offsets = new double[LANES];
    private final double[] speeds = new double[LANES];

    TrafficSchedule(long seed) {
        this.seed = seed;
        SplittableRandom rnd = new SplittableRandom(mix(seed, -1, -1));
        for (int l = 0; l < LANES; l++) {
            speeds[l] = LANE_SPEED[l] * (0.9 + 0.2 * rnd.nextDouble());
            offsets[l] = rnd.nextDouble() * headway(l);
        }
    }

    /** The vehicles overlapping the scene at {@code t} seconds, far lanes first. */
    List<Vehicle> vehiclesAt(double t) {
        List<Vehicle> out = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            double h = headway(lane);
            double crossing =
                    (SCENE_WIDTH + VehicleType.maxLength() * LANE_SCALE[lane]) / speeds[lane];
            long first = (long) Math.ceil((t - crossing - offsets[lane]) / h);
            long last = (long) Math.floor((t - offsets[lane]) / h);
            for (long k = first; k <= last; k++) {
                Vehicle v = vehicle(lane, k, t);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private Vehicle vehicle(int lane, long k, double t) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, lane, k));
        if (rnd.nextDouble() >= OCCUPANCY) {
            return null;
        }
        VehicleType type = VehicleType.pick(rnd.nextDouble());
        String colour = type.colours().get(rnd.nextInt(type.colours().size()));
        String plate = type.hasPlate() ? plate(rnd) : null;
        double scale = LANE_SCALE[lane];
        double length = type.length() * scale;
        double travelled = speeds[lane] * (t - (offsets[lane] + k * headway(lane)));
        boolean right = lane >= LANES / 2;
        double left = right ? travelled - length : SCENE_WIDTH - travelled;
        if (left + length <= 0 || left >= SCENE_WIDTH) {
            return null;
        }
        double bottom = ROAD_TOP + (lane + 1) * LANE_HEIGHT - 12;
        return new Vehicle("L" + lane + "K" + k, type, colour, plate, left, bottom, scale, right);
    }

    private double headway(int lane) {
        return (VehicleType.maxLength() * LANE_SCALE[lane] + MIN_GAP) / LANE_SPEED[lane] / 0.9;
    }

    /** A UK-style plate: two letters, two digits, a space, three letters ("AB12 CDE"). */
    private static String plate(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(8);
        sb.append(letter(rnd)).append(letter(rnd));
        sb.append(rnd.nextInt(10)).append(rnd.nextInt(10));
        sb.append(' ');
        sb.append(letter(rnd)).append(letter(rnd)).append(letter(rnd));
        return sb.toString();
    }

    private static char letter(SplittableRandom rnd) {
        return LETTERS.charAt(rnd.nextInt(LETTERS.length()));
    }

    /** A well-mixed 64-bit seed from the scene seed, a lane and a slot (SplitMix64 finaliser). */
    private static long mix(long seed, long lane, long slot) {
        long z =
                seed * 0x9E3779B97F4A7C15L
                        + lane * 0xBF58476D1CE4E5B9L
                        + slot * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

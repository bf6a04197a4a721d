package dev.flinkedge.connectors.testutil;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.model.StageTimes;

import java.util.List;
import java.util.Objects;

/** Sample values of every flink-edge type for serializer tests. */
public final class Samples {

    public static final GeoPoint LONDON = new GeoPoint(51.5074, -0.1278);

    private Samples() {}

    public static StageTimes stages() {
        return StageTimes.empty()
                .with("capture", 1_700_000_000_000L)
                .with("detect", 1_700_000_000_042L);
    }

    public static GroundTruth truth() {
        return new GroundTruth(
                List.of(
                        new GroundTruth.TruthObject(
                                "v1", "car", "red", "AB12 CDE", 10, 20, 200, 90),
                        new GroundTruth.TruthObject(
                                "v2", "bicycle", "blue", null, 300, 40, 90, 60)));
    }

    public static Frame frame(long sequence) {
        byte[] image = new byte[1024 + (int) sequence];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 31 + sequence);
        }
        return new Frame(
                image,
                Frame.Encoding.JPEG,
                1280,
                720,
                "cam-" + (sequence % 3),
                LONDON,
                1_700_000_000_000L + sequence * 100,
                sequence,
                stages(),
                sequence % 2 == 0 ? truth() : null);
    }

    public static Frame rawFrame() {
        return new Frame(
                new byte[4 * 2 * 3],
                Frame.Encoding.RAW_BGR,
                4,
                2,
                "cam-raw",
                LONDON,
                5L,
                0,
                StageTimes.empty(),
                null);
    }

    public static CameraPolicy policy() {
        return new CameraPolicy("cam-1", 2.5, 640, 360, new CameraPolicy.Offload("cloud", 0.25), 7);
    }

    public static <T> EdgeRecord<T> record(T payload) {
        return new EdgeRecord<>("cam-1", "key-1", LONDON, 1_700_000_000_123L, stages(), payload);
    }

    /** A user payload class as users write them: mutable, with a no-arg constructor. */
    public static final class Vehicle {
        public String plate;
        public String colour;
        public double confidence;
        public List<Integer> box;

        public Vehicle() {}

        public Vehicle(String plate, String colour, double confidence, List<Integer> box) {
            this.plate = plate;
            this.colour = colour;
            this.confidence = confidence;
            this.box = box;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Vehicle v
                    && Objects.equals(plate, v.plate)
                    && Objects.equals(colour, v.colour)
                    && confidence == v.confidence
                    && Objects.equals(box, v.box);
        }

        @Override
        public int hashCode() {
            return Objects.hash(plate, colour, confidence, box);
        }

        @Override
        public String toString() {
            return "Vehicle{" + plate + "," + colour + "," + confidence + "," + box + "}";
        }
    }

    /** A user payload as a record without a no-arg constructor, holding an immutable list. */
    public record Count(String area, long vehicles, List<String> classes) {}
}

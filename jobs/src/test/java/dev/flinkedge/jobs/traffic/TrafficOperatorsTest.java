package dev.flinkedge.jobs.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.OperatorCatalog;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.model.StageTimes;
import dev.flinkedge.jobs.vision.Box;

import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The arithmetic of the count, area and delivery operators on known input, and the catalogue. */
class TrafficOperatorsTest {

    private static final GeoPoint CAM1 = new GeoPoint(48.1370, 11.5750);
    private static final GeoPoint CAM2 = new GeoPoint(48.1390, 11.5800);

    private static EdgeRecord<VehicleDetections> frame(
            String camera, GeoPoint at, long timeMs, String... labels) {
        List<DetectedVehicle> vehicles = new ArrayList<>();
        for (String label : labels) {
            vehicles.add(TrafficPayloadsTest.vehicle(vehicles.size(), label));
        }
        return new EdgeRecord<>(
                camera,
                camera,
                at,
                timeMs,
                StageTimes.empty().with("capture", timeMs),
                new VehicleDetections(timeMs / 100, 1280, 720, vehicles));
    }

    private static <T> EdgeRecord<T> keyed(String key, EdgeRecord<T> r) {
        return r.withKey(key);
    }

    @Test
    void countSumsSightingsPerWindowAndStampsTheWindowEnd() throws Exception {
        List<EdgeRecord<VehicleCount>> out = new ArrayList<>();
        new CountOperator()
                .process(
                        "cam-1",
                        10_000,
                        20_000,
                        List.of(
                                frame("cam-1", CAM1, 10_100, "car", "car", "bus"),
                                frame("cam-1", CAM1, 10_600),
                                frame("cam-1", CAM1, 11_100, "car", "truck")),
                        collect(out));

        assertThat(out)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.key()).isEqualTo("cam-1");
                            assertThat(r.sourceId()).isEqualTo("cam-1");
                            assertThat(r.location()).isEqualTo(CAM1);
                            assertThat(r.eventTimeMs()).isEqualTo(19_999);
                            assertThat(r.stageTimes().asMap()).containsKeys("capture", "count");
                            assertThat(r.payload())
                                    .isEqualTo(
                                            new VehicleCount(
                                                    10_000,
                                                    20_000,
                                                    3,
                                                    5,
                                                    3,
                                                    List.of(
                                                            new TypeCount("bus", 1),
                                                            new TypeCount("car", 3),
                                                            new TypeCount("truck", 1))));
                            assertThat(r.payload().meanInView()).isEqualTo(5 / 3.0);
                        });
    }

    @Test
    void countOfFramesWithoutVehiclesIsZero() throws Exception {
        List<EdgeRecord<VehicleCount>> out = new ArrayList<>();
        new CountOperator()
                .process(
                        "cam-2",
                        0,
                        5_000,
                        List.of(frame("cam-2", CAM2, 1_000), frame("cam-2", CAM2, 2_000)),
                        collect(out));

        assertThat(out)
                .singleElement()
                .extracting(EdgeRecord::payload)
                .isEqualTo(new VehicleCount(0, 5_000, 2, 0, 0, List.of()));
    }

    @Test
    void areasAreAnnouncedForEveryInputAtItsTime() throws Exception {
        AreasOperator op =
                new AreasOperator(List.of(new Area("west", CAM1), new Area("east", CAM2)));
        List<EdgeRecord<Area>> out = new ArrayList<>();
        op.process(frame("cam-1", CAM1, 4_242), collect(out));

        assertThat(op.ref().params())
                .containsEntry("areas", "east@48.139,11.58;west@48.137,11.575");
        assertThat(out).extracting(EdgeRecord::key).containsExactly("east", "west");
        assertThat(out).allSatisfy(r -> assertThat(r.eventTimeMs()).isEqualTo(4_242));
        assertThat(out.get(0).location()).isEqualTo(CAM2);
        assertThat(out.get(0).payload()).isEqualTo(new Area("east", CAM2));
    }

    @Test
    void sumAddsTheCountsOfTheAreasCamerasAndSitsAtTheirCentroid() throws Exception {
        EdgeRecord<VehicleCount> c1 =
                new EdgeRecord<>(
                        "cam-1",
                        "cam-1",
                        CAM1,
                        9_999,
                        StageTimes.empty(),
                        new VehicleCount(0, 10_000, 20, 10, 2, List.of(new TypeCount("car", 10))));
        EdgeRecord<VehicleCount> c2 =
                new EdgeRecord<>(
                        "cam-2",
                        "cam-2",
                        CAM2,
                        9_999,
                        StageTimes.empty(),
                        new VehicleCount(0, 10_000, 10, 5, 1, List.of(new TypeCount("bus", 5))));
        List<EdgeRecord<AreaTraffic>> out = new ArrayList<>();

        new SumOperator()
                .process(
                        "centre",
                        0,
                        10_000,
                        List.of(keyed("centre", c2), keyed("centre", c1)),
                        collect(out));

        assertThat(out)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.key()).isEqualTo("centre");
                            assertThat(r.eventTimeMs()).isEqualTo(9_999);
                            assertThat(r.location().lat())
                                    .isCloseTo(48.1380, org.assertj.core.data.Offset.offset(1e-9));
                            assertThat(r.location().lon())
                                    .isCloseTo(11.5775, org.assertj.core.data.Offset.offset(1e-9));
                            assertThat(r.payload())
                                    .isEqualTo(
                                            new AreaTraffic(
                                                    "centre",
                                                    0,
                                                    10_000,
                                                    List.of("cam-1", "cam-2"),
                                                    30,
                                                    15,
                                                    0.5 + 0.5));
                        });
    }

    @Test
    void deliverAddressesTheMessageToTheVehicleKey() throws Exception {
        AreaTraffic traffic = new AreaTraffic("centre", 0, 10_000, List.of("cam-1"), 20, 8, 0.4);
        List<EdgeRecord<TrafficMessage>> out = new ArrayList<>();

        new DeliverOperator()
                .process(
                        new EdgeRecord<>(
                                "centre", "AB12CDE", CAM1, 9_999, StageTimes.empty(), traffic),
                        collect(out));

        assertThat(out)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.key()).isEqualTo("AB12CDE");
                            assertThat(r.payload())
                                    .isEqualTo(
                                            new TrafficMessage(
                                                    "AB12CDE",
                                                    "centre",
                                                    0,
                                                    10_000,
                                                    List.of("cam-1"),
                                                    8,
                                                    0.4));
                        });
    }

    @Test
    void detectionsMatchTheGroundTruthObjectTheyCoverOnce() {
        GroundTruth truth =
                new GroundTruth(
                        List.of(
                                new GroundTruth.TruthObject(
                                        "a", "car", "red", "AB12 CDE", 100, 100, 100, 50),
                                new GroundTruth.TruthObject(
                                        "b", "bus", "blue", "XY34 ZZZ", 400, 100, 200, 100)));
        Set<String> matched = new HashSet<>();

        assertThat(DetectOperator.matchTruth(truth, new Box(105, 102, 98, 50), matched))
                .extracting(GroundTruth.TruthObject::objectId)
                .isEqualTo("a");
        assertThat(DetectOperator.matchTruth(truth, new Box(100, 100, 100, 50), matched))
                .as("object a is taken by the more confident detection")
                .isNull();
        assertThat(DetectOperator.matchTruth(truth, new Box(300, 100, 100, 100), matched))
                .as("IoU with b is 0, with a (taken) 0")
                .isNull();
        assertThat(DetectOperator.matchTruth(null, new Box(0, 0, 1, 1), matched)).isNull();
    }

    @Test
    void everyOperatorComesBackFromTheCatalogueWithItsLineage() {
        OperatorCatalog catalog = OperatorCatalog.fromServiceLoader();
        List<EdgeOperator<?, ?>> ops =
                List.of(
                        new DetectOperator(
                                Path.of("/somewhere/yolov8s.onnx"),
                                DetectOperator.vehicleOptions(0.4f, 0.5f)),
                        new PlatesOperator(),
                        new AttributesOperator(),
                        new CountOperator(),
                        new AreasOperator(List.of(new Area("west", CAM1), new Area("east", CAM2))),
                        new SumOperator(),
                        new DeliverOperator());

        for (EdgeOperator<?, ?> op : ops) {
            EdgeOperator<?, ?> rebuilt = catalog.create(op.ref());
            assertThat(rebuilt.ref()).isEqualTo(op.ref());
            assertThat(rebuilt.getClass()).isEqualTo(op.getClass());
        }
        assertThat(ops.get(0).ref().params())
                .isEqualTo(
                        Map.of(
                                "model",
                                "yolov8s",
                                "confidence",
                                "0.4",
                                "iou",
                                "0.5",
                                "classes",
                                "bicycle,bus,car,motorcycle,truck"));
    }

    @Test
    void aLineageMissingAParameterIsRejectedByName() {
        assertThatThrownBy(() -> new DetectOperator.Factory().create(Map.of("model", "yolov8n")))
                .hasMessageContaining("Operator 'detect' needs parameter");
        assertThatThrownBy(
                        () ->
                                new DetectOperator.Factory()
                                        .create(
                                                Map.of(
                                                        "model",
                                                        "yolov8n",
                                                        "classes",
                                                        "car",
                                                        "confidence",
                                                        "high",
                                                        "iou",
                                                        "0.5")))
                .hasMessageContaining("'confidence' must be a number, not 'high'");
    }

    private static <T> Collector<T> collect(List<T> into) {
        return new Collector<>() {
            @Override
            public void collect(T record) {
                into.add(record);
            }

            @Override
            public void close() {}
        };
    }
}

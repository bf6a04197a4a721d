package dev.flinkedge.jobs.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flinkedge.connectors.image.JpegEncoder;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.model.StageTimes;
import dev.flinkedge.connectors.serialization.EdgeCodec;
import dev.flinkedge.connectors.sink.internal.JsonResultSerializationSchema;
import dev.flinkedge.jobs.vision.Box;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.util.List;

/** Payloads survive flink-edge's Kryo unchanged and become the JSON results users read. */
class TrafficPayloadsTest {

    private static final GeoPoint CAM = new GeoPoint(48.137, 11.575);
    private static final GroundTruth.TruthObject TRUTH =
            new GroundTruth.TruthObject("v7", "car", "red", "AB12 CDE", 10, 20, 150, 80);

    static DetectedVehicle vehicle(int index, String label) {
        BufferedImage crop = new BufferedImage(30, 20, BufferedImage.TYPE_3BYTE_BGR);
        crop.setRGB(3, 4, 0xff0000);
        try (JpegEncoder jpeg = new JpegEncoder(0.9f)) {
            return new DetectedVehicle(
                    index,
                    label,
                    0.8f,
                    new Box(10, 20, 30, 20),
                    jpeg.encode(crop),
                    index == 0 ? TRUTH : null);
        }
    }

    static <T> EdgeRecord<T> record(String key, T payload) {
        return new EdgeRecord<>(
                "cam-1", key, CAM, 1_000, StageTimes.empty().with("capture", 990), payload);
    }

    static List<Object> payloads() {
        return List.of(
                new VehicleDetections(5, 1280, 720, List.of(vehicle(0, "car"), vehicle(1, "bus"))),
                new VehicleDetections(6, 1280, 720, List.of()),
                new PlateReading(5, 0, "car", new Box(1, 2, 3, 4), "AB12CDE", 0.93f, TRUTH),
                new PlateReading(5, 1, "bus", new Box(1, 2, 3, 4), "XY99ZZZ", 0.5f, null),
                new VehicleAttributes(5, 0, "car", 0.8f, "red", new Box(1, 2, 3, 4), TRUTH),
                new VehicleCount(
                        0,
                        10_000,
                        20,
                        7,
                        2,
                        List.of(new TypeCount("bus", 1), new TypeCount("car", 6))),
                new Area("ring-road", CAM),
                new AreaTraffic("ring-road", 0, 10_000, List.of("cam-1", "cam-2"), 40, 9, 0.45),
                new TrafficMessage("AB12CDE", "ring-road", 0, 10_000, List.of("cam-1"), 9, 0.45));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void everyPayloadRoundTripsThroughEdgeKryo(Object payload) {
        EdgeCodec<EdgeRecord<Object>> codec = EdgeCodec.edgeRecords();
        EdgeRecord<Object> in = record("cam-1", payload);

        EdgeRecord<Object> out = codec.decode(codec.encode(in));

        assertThat(out).isEqualTo(in);
        assertThat(out.payload()).isEqualTo(payload).isNotSameAs(payload);
    }

    @Test
    void detectionJsonHasTheVehiclesButNotTheirCrops() throws Exception {
        EdgeRecord<VehicleDetections> in =
                record("cam-1", new VehicleDetections(5, 1280, 720, List.of(vehicle(0, "car"))));

        JsonNode json = json(in);

        JsonNode v = json.at("/payload/vehicles/0");
        assertThat(json.get("key").asText()).isEqualTo("cam-1");
        assertThat(json.at("/payload/frameSequence").asLong()).isEqualTo(5);
        assertThat(v.get("label").asText()).isEqualTo("car");
        assertThat(v.get("confidence").floatValue()).isEqualTo(0.8f);
        assertThat(v.at("/box/width").asInt()).isEqualTo(30);
        assertThat(v.at("/truth/plate").asText()).isEqualTo("AB12 CDE");
        assertThat(v.has("crop")).as("crops stay out of JSON results").isFalse();
    }

    @Test
    void countJsonListsTypesInOrder() throws Exception {
        JsonNode json =
                json(
                        record(
                                "cam-1",
                                new VehicleCount(
                                        0,
                                        10_000,
                                        20,
                                        7,
                                        2,
                                        List.of(
                                                new TypeCount("bus", 1),
                                                new TypeCount("car", 6)))));

        assertThat(json.at("/payload/vehicles").asInt()).isEqualTo(7);
        assertThat(json.at("/payload/byType/1/type").asText()).isEqualTo("car");
        assertThat(json.at("/payload/byType/1/vehicles").asInt()).isEqualTo(6);
    }

    @Test
    void cropsAreCopiedInAndOut() {
        byte[] bytes = vehicle(0, "car").crop();
        DetectedVehicle v = new DetectedVehicle(0, "car", 0.5f, new Box(0, 0, 2, 2), bytes, null);
        bytes[0] = 42;
        v.crop()[1] = 42;

        assertThat(v.crop()).isNotEqualTo(bytes).startsWith((byte) 0xff, (byte) 0xd8);
        assertThat(v.cropImage().getWidth()).isEqualTo(30);
    }

    @Test
    void invalidValuesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> new VehicleCount(10, 10, 1, 0, 0, List.of()))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> new VehicleCount(0, 10, 1, 2, 3, List.of()))
                .hasMessageContaining("peak 3");
        assertThatThrownBy(() -> new VehicleCount(0, 10, 1, 2, 1, List.of(new TypeCount("car", 1))))
                .hasMessageContaining("adds up to 1, not 2");
        assertThatThrownBy(() -> new PlateReading(0, 0, "car", new Box(0, 0, 1, 1), "", 1f, null))
                .hasMessageContaining("plate");
        assertThatThrownBy(
                        () ->
                                new DetectedVehicle(
                                        0, "car", 1.5f, new Box(0, 0, 1, 1), new byte[0], null))
                .hasMessageContaining("1.5");
    }

    @Test
    void areasParseFromNameAtLatLon() {
        assertThat(Area.parseAll(List.of("west@48.1,11.5", " east @ 48.2 , -11.6 ")))
                .containsExactly(
                        new Area("east", new GeoPoint(48.2, -11.6)),
                        new Area("west", new GeoPoint(48.1, 11.5)));
        assertThat(Area.parse(new Area("a", CAM).format())).isEqualTo(new Area("a", CAM));
        assertThatThrownBy(() -> Area.parse("west:48.1,11.5")).hasMessageContaining("NAME@LAT,LON");
        assertThatThrownBy(() -> Area.parseAll(List.of("a@1,2", "a@3,4")))
                .hasMessageContaining("'a' is defined twice");
        assertThatThrownBy(() -> Area.parse("north@95,11"))
                .hasMessageContaining("lat 95.0 is outside [-90, 90]");
    }

    @Test
    void plateReadingsKnowWhetherTheyMatchTheTruth() {
        assertThat(
                        new PlateReading(0, 0, "car", new Box(0, 0, 1, 1), "AB12CDE", 1f, TRUTH)
                                .matchesTruth())
                .isTrue();
        assertThat(
                        new PlateReading(0, 0, "car", new Box(0, 0, 1, 1), "AB12CDF", 1f, TRUTH)
                                .matchesTruth())
                .isFalse();
        assertThat(
                        new PlateReading(0, 0, "car", new Box(0, 0, 1, 1), "AB12CDE", 1f, null)
                                .matchesTruth())
                .isFalse();
    }

    private static JsonNode json(EdgeRecord<?> record) throws Exception {
        @SuppressWarnings({"unchecked", "rawtypes"})
        JsonResultSerializationSchema<EdgeRecord<?>> schema =
                new JsonResultSerializationSchema("results");
        ProducerRecord<byte[], byte[]> out = schema.serialize(record, null, null);
        assertThat(new String(out.key(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(record.key());
        return new ObjectMapper().readTree(out.value());
    }
}

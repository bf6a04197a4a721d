package dev.flinkedge.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class LineageFingerprintTest {

    private static final String P1 = LineageFingerprint.ofSource("city-a", "VideoStream");
    private static final String P2 = LineageFingerprint.ofSource("city-a", "RadarStream");

    private static String fp(
            Map<String, String> params, List<String> parents, WindowSpec w, SerializerFormat s) {
        return LineageFingerprint.ofDerived(
                new Lineage(new OperatorRef("detect", "1", params), parents), w, s);
    }

    @Test
    void sourceFingerprintIsSha256OfCanonicalOwnerAndName() {
        // sha256('{"name":"VideoStream","owner":"city-a"}'), computed independently with sha256sum.
        assertThat(P1)
                .isEqualTo("e0db98d3541949157d2467d18e0c62d8d034eda1bf90a4a544dc641e11f2e372");
        assertThat(LineageFingerprint.ofSource("city-b", "VideoStream")).isNotEqualTo(P1);
    }

    /** The worked example of docs/programming-model.md, hashed there with sha256sum. */
    @Test
    void documentedExample() {
        Lineage l =
                new Lineage(
                        new OperatorRef("detect", "1", Map.of("model", "yolov8n")), List.of(P1));
        assertThat(LineageFingerprint.canonicalDerived(l, WindowSpec.none(), SerializerFormat.KRYO))
                .isEqualTo(
                        "{\"operator\":{\"name\":\"detect\",\"params\":{\"model\":"
                                + "\"yolov8n\"},\"version\":\"1\"},\"parents\":[\""
                                + P1
                                + "\"],\"serializer\":\"KRYO\",\"window\":{\"type\":\"NONE\"}}");
        assertThat(LineageFingerprint.ofDerived(l, WindowSpec.none(), SerializerFormat.KRYO))
                .isEqualTo("850dccaf99abfabaa2187aee97f3dcf4abad37126fa966ed4cdc650daf79d35e");
    }

    @Test
    void canonicalFormSortsParamsAndHasNoWhitespace() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("z", "1");
        params.put("a", "x \"q\"");
        String canonical =
                LineageFingerprint.canonicalDerived(
                        new Lineage(new OperatorRef("detect", "1", params), List.of(P1)),
                        WindowSpec.fixed(Duration.ofSeconds(10)),
                        SerializerFormat.KRYO);
        assertThat(canonical)
                .isEqualTo(
                        "{\"operator\":{\"name\":\"detect\",\"params\":{\"a\":\"x \\\"q\\\"\",\"z\":\"1\"},"
                                + "\"version\":\"1\"},\"parents\":[\""
                                + P1
                                + "\"],\"serializer\":\"KRYO\","
                                + "\"window\":{\"sizeMs\":10000,\"type\":\"FIXED\"}}");
    }

    @Test
    void sameComputationSameFingerprintWhateverTheParamOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        assertThat(fp(ab, List.of(P1), WindowSpec.none(), SerializerFormat.KRYO))
                .isEqualTo(fp(ba, List.of(P1), WindowSpec.none(), SerializerFormat.KRYO));
    }

    @Test
    void everyIngredientChangesTheFingerprint() {
        String base =
                fp(Map.of("a", "1"), List.of(P1, P2), WindowSpec.none(), SerializerFormat.KRYO);
        assertThat(
                        List.of(
                                fp(
                                        Map.of("a", "2"),
                                        List.of(P1, P2),
                                        WindowSpec.none(),
                                        SerializerFormat.KRYO),
                                fp(
                                        Map.of("a", "1"),
                                        List.of(P2, P1),
                                        WindowSpec.none(),
                                        SerializerFormat.KRYO),
                                fp(
                                        Map.of("a", "1"),
                                        List.of(P1),
                                        WindowSpec.none(),
                                        SerializerFormat.KRYO),
                                fp(
                                        Map.of("a", "1"),
                                        List.of(P1, P2),
                                        WindowSpec.fixed(Duration.ofSeconds(1)),
                                        SerializerFormat.KRYO),
                                fp(
                                        Map.of("a", "1"),
                                        List.of(P1, P2),
                                        WindowSpec.sliding(
                                                Duration.ofSeconds(2), Duration.ofSeconds(1)),
                                        SerializerFormat.KRYO),
                                fp(
                                        Map.of("a", "1"),
                                        List.of(P1, P2),
                                        WindowSpec.none(),
                                        SerializerFormat.JSON),
                                LineageFingerprint.ofDerived(
                                        new Lineage(
                                                new OperatorRef("detect", "2", Map.of("a", "1")),
                                                List.of(P1, P2)),
                                        WindowSpec.none(),
                                        SerializerFormat.KRYO)))
                .doesNotContain(base)
                .doesNotHaveDuplicates();
    }
}

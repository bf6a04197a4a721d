package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** Reading input size and class names from Ultralytics' ONNX metadata. */
class YoloMetadataTest {

    @Test
    void readsUltralyticsMetadata() {
        YoloMetadata meta =
                YoloMetadata.parse(
                        Map.of(
                                "imgsz",
                                "[480, 640]",
                                "names",
                                "{0: 'person', 1: 'traffic light', 2: \"driver's cab\"}",
                                "stride",
                                "32"));

        assertThat(meta.inputHeight()).isEqualTo(480);
        assertThat(meta.inputWidth()).isEqualTo(640);
        assertThat(meta.names()).containsExactly("person", "traffic light", "driver's cab");
        assertThat(meta.namesFor(3)).containsExactly("person", "traffic light", "driver's cab");
    }

    @Test
    void withoutMetadataAssumes640AndCocoNamesForEightyClasses() {
        YoloMetadata meta = YoloMetadata.parse(Map.of());

        assertThat(meta.inputHeight()).isEqualTo(640);
        assertThat(meta.inputWidth()).isEqualTo(640);
        assertThat(meta.names()).isEmpty();
        assertThat(meta.namesFor(80)).isEqualTo(CocoClasses.NAMES);
        assertThat(meta.namesFor(3)).containsExactly("class0", "class1", "class2");
    }

    @Test
    void singleSizeIsSquare() {
        YoloMetadata meta = YoloMetadata.parse(Map.of("imgsz", "320"));

        assertThat(meta.inputHeight()).isEqualTo(320);
        assertThat(meta.inputWidth()).isEqualTo(320);
    }

    @Test
    void namesWithGapsOrOfTheWrongCountAreIgnored() {
        assertThat(YoloMetadata.parse(Map.of("names", "{0: 'a', 2: 'c'}")).names()).isEmpty();
        assertThat(YoloMetadata.parse(Map.of("names", "not a dict")).names()).isEmpty();

        YoloMetadata two = YoloMetadata.parse(Map.of("names", "{0: 'a', 1: 'b'}"));
        assertThat(two.namesFor(80)).isEqualTo(CocoClasses.NAMES);
        assertThat(two.namesFor(1)).containsExactly("class0");
    }
}

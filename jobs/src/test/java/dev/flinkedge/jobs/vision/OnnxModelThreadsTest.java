package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The threads per model run come from -Dflinkedge.onnx.threads; bad values are refused. */
class OnnxModelThreadsTest {

    @AfterEach
    void clear() {
        System.clearProperty(OnnxModel.THREADS_PROPERTY);
    }

    @Test
    void unsetLeavesTheChoiceToOnnxRuntime() {
        assertThat(OnnxModel.threads()).isEmpty();
    }

    @Test
    void aWholeNumberIsTaken() {
        System.setProperty(OnnxModel.THREADS_PROPERTY, " 2 ");
        assertThat(OnnxModel.threads()).contains(2);
    }

    @Test
    void zeroOrTextIsRefusedWithTheValue() {
        System.setProperty(OnnxModel.THREADS_PROPERTY, "0");
        assertThatThrownBy(OnnxModel::threads)
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("-Dflinkedge.onnx.threads=0 is not a number of threads");
        System.setProperty(OnnxModel.THREADS_PROPERTY, "many");
        assertThatThrownBy(OnnxModel::threads).hasMessageContaining("=many");
    }
}

package dev.flinkedge.connectors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.api.PipelineBuilderFactory;

import org.junit.jupiter.api.Test;

/** The DSL finds the connectors' pipeline through {@code META-INF/services}. */
class FlinkPipelineFactoryTest {

    @Test
    void isTheRegisteredPipelineBuilderFactory() {
        assertThat(PipelineBuilderFactory.load()).isInstanceOf(FlinkPipelineFactory.class);
    }
}

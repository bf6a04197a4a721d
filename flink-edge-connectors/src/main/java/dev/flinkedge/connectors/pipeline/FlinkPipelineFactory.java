package dev.flinkedge.connectors.pipeline;

import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.PipelineBuilder;
import dev.flinkedge.connectors.api.PipelineBuilderFactory;

import org.apache.flink.annotation.Internal;

/**
 * Builds EdgeStreams jobs with Flink's DataStream API; registered in {@code META-INF/services} as
 * the connectors' {@link PipelineBuilderFactory}.
 */
@Internal
public final class FlinkPipelineFactory implements PipelineBuilderFactory {

    @Override
    public PipelineBuilder create(EdgeStreams job) {
        return new FlinkPipeline(job);
    }
}

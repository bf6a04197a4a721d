package dev.flinkedge.connectors.pipeline;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.PipelineBuilder;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.util.List;

/**
 * The {@link PipelineBuilder} of one job: hands building to the {@link PipelineTranslator} and
 * submission to the {@link JobSubmitter}, which share the job's {@link PlacementApplier}.
 */
@Internal
final class FlinkPipeline implements PipelineBuilder {

    private final PipelineTranslator translator;
    private final JobSubmitter submitter;

    FlinkPipeline(EdgeStreams job) {
        PlacementApplier placement = new PlacementApplier(job);
        this.translator = new PipelineTranslator(job, placement);
        this.submitter = new JobSubmitter(job, translator, placement);
    }

    @Override
    public <T> DataStream<T> dataStream(EdgeStream<T> node) {
        return translator.dataStream(node);
    }

    @Override
    public <T> List<DataStreamSink<T>> sink(EdgeStream<T> sinkNode) {
        return translator.sink(sinkNode);
    }

    @Override
    public boolean isBuilt(EdgeStream<?> node) {
        return translator.isBuilt(node);
    }

    @Override
    public StreamGraph streamGraph(String jobName) {
        return submitter.streamGraph(jobName);
    }

    @Override
    public JobClient execute(String jobName) throws Exception {
        return submitter.execute(jobName);
    }
}

package dev.flinkedge.connectors.api;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.util.List;

/**
 * Turns the plan of one {@link EdgeStreams} job into Flink operators and submits it. The DSL calls
 * it without knowing how operators are built, placed or submitted; the implementation comes from
 * {@link PipelineBuilderFactory}. Every method runs on the thread that defines the job.
 */
@Internal
public interface PipelineBuilder {

    /**
     * The Flink stream of {@code node}, building its operators (and those it reads) on first use:
     * the union of its copies when it runs at several sites.
     */
    <T> DataStream<T> dataStream(EdgeStream<T> node);

    /**
     * Builds a SINK node that the job holds already: one Flink sink per site of its placement.
     *
     * @return the Flink sinks, one per site
     */
    <T> List<DataStreamSink<T>> sink(EdgeStream<T> sinkNode);

    /** Whether {@code node} already became Flink operators. */
    boolean isBuilt(EdgeStream<?> node);

    /**
     * Builds every computed stream (so each gets its tap) and returns the checked stream graph.
     *
     * @throws IllegalStateException with a placement strategy, when an operator has no site or the
     *     strategy's check fails
     */
    StreamGraph streamGraph(String jobName);

    /**
     * Builds and submits the job without waiting for it; once submitted, the streams it computes
     * are marked ACTIVE with this job as producer.
     */
    JobClient execute(String jobName) throws Exception;
}

package dev.flinkedge.connectors.api;

import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.registry.model.StreamDescriptor;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.Serializable;

/**
 * Turns a RAW stream's descriptor (its devices or areas) into the frames of those devices in a job.
 * The EdgeStreams API calls it when a job imports a raw stream, and so does a host job that
 * recomputes an orphaned stream from its lineage.
 */
@FunctionalInterface
@PublicEvolving
public interface RawSourceFactory extends Serializable {

    /** Adds a source for {@code raw} to {@code env}, with timestamps and watermarks assigned. */
    DataStream<Frame> create(StreamExecutionEnvironment env, StreamDescriptor raw);
}

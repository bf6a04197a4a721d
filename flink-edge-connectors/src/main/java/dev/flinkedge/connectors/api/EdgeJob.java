package dev.flinkedge.connectors.api;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.Configuration;

/**
 * A packaged flink-edge job that tools can build by name: {@code flink-edge plan} places it, the
 * demo and benchmarks submit it, and its {@code main} runs it under {@code flink run}.
 * Implementations are listed in {@code META-INF/services/dev.flinkedge.connectors.api.EdgeJob}.
 */
@PublicEvolving
public interface EdgeJob {

    /** Name used on the command line, e.g. {@code plate-recognition}. */
    String name();

    /** One line saying what the job computes. */
    String description();

    /**
     * Adds the job's streams and sinks to {@code streams}.
     *
     * @param config the job's options (registry, Kafka, cameras, result topics)
     */
    void define(EdgeStreams streams, Configuration config) throws Exception;
}

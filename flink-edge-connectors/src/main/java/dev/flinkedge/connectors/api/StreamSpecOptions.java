package dev.flinkedge.connectors.api;

import dev.flinkedge.registry.model.Guarantee;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;

/**
 * How a derived stream is shared: its delivery guarantee, whether its tap writes without
 * subscribers, and its topic's partitions.
 *
 * @param guarantee LIVE for perishable data such as frames and detections
 * @param durable always write the topic, even without subscribers
 * @param partitions partitions of the stream's topic
 */
@PublicEvolving
public record StreamSpecOptions(Guarantee guarantee, boolean durable, int partitions)
        implements Serializable {

    /** LIVE, on demand, one partition. */
    public static final StreamSpecOptions DEFAULT = new StreamSpecOptions(Guarantee.LIVE, false, 1);

    public StreamSpecOptions {
        if (guarantee == null) {
            throw new IllegalArgumentException("guarantee is required");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 but was " + partitions);
        }
    }

    /** The same options, written to Kafka even without subscribers. */
    public StreamSpecOptions asDurable() {
        return new StreamSpecOptions(guarantee, true, partitions);
    }
}

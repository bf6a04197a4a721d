package dev.flinkedge.connectors.model;

import org.apache.flink.annotation.PublicEvolving;

/**
 * What every record flowing through flink-edge carries, whatever its payload: where it comes from,
 * where and when it was captured, and the times it passed each stage. Partitioning by key, area
 * rules and latency metrics rely on these.
 */
@PublicEvolving
public interface EdgeData {

    /** The data sequence (camera, sensor, vehicle) the record belongs to. */
    String sourceId();

    /** Grouping key; the source id unless an operator re-keys. */
    String key();

    /** Where the data was captured. */
    GeoPoint location();

    /** Event time, epoch millis (capture time for frames). */
    long eventTimeMs();

    /** Per-stage timestamps. */
    StageTimes stageTimes();
}

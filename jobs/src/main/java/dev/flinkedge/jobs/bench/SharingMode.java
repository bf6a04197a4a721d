package dev.flinkedge.jobs.bench;

/**
 * The four ways of the EStream paper's Table II to add job b (attributes over detected vehicles) to
 * a running job x+a (detection, then plate recognition).
 */
public enum SharingMode {
    /** b computes its own detection ("Flink 0"). */
    RECOMPUTE,
    /** x, a and b are three jobs around a pre-planned Kafka topic ("Flink 1"). */
    KAFKA,
    /** x+a is stopped with a savepoint and restarted as one job x+a&b ("Flink 2"). */
    RESTART,
    /** flink-edge: b finds x's stream by lineage and subscribes; x+a runs on untouched. */
    REUSE
}

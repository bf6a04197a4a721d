package dev.flinkedge.registry.model;

/** The three kinds of stream of the Edge-Stream model. */
public enum StreamType {
    /** Produced by endpoint devices: a list of devices or a list of areas. */
    RAW,
    /** Device-independent, computed on demand at every site (a clock, say); never shipped. */
    VIRTUAL,
    /** Output of an operator over parent streams, identified by its lineage. */
    DERIVED
}

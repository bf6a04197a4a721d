package dev.flinkedge.registry.model;

/** Lifecycle of a registered stream. */
public enum StreamStatus {
    /** Registered, no producer yet. */
    DECLARED,
    /** A producer job is writing it; it can be shared. */
    ACTIVE,
    /** Its producer stopped while subscribers remain; a host job should take over. */
    ORPHANED,
    /** No longer produced and not to be resolved. */
    RETIRED;

    /** Whether a stream in this status still counts for fingerprint uniqueness of its owner. */
    public boolean isLive() {
        return this != RETIRED;
    }
}

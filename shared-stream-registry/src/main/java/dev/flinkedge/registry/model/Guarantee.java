package dev.flinkedge.registry.model;

/** Delivery guarantee a stream's channel offers to its readers. */
public enum Guarantee {
    /** Perishable data: readers start at the live end, overloaded producers drop the oldest. */
    LIVE,
    AT_LEAST_ONCE,
    /** Written in Kafka transactions, read with {@code isolation.level=read_committed}. */
    EXACTLY_ONCE
}

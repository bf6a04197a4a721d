package dev.flinkedge.registry.access;

/**
 * The names of the Kafka consumer groups and transactional ids that taps and shared sources use.
 * They start with a per-principal prefix ending in '.', which owner names never contain, so that
 * one prefixed ACL covers exactly one owner's ids.
 */
public final class ResourceNames {

    /** Prefix of every topic, group and transactional id the product names. */
    public static final String PRODUCT_PREFIX = "flinkedge.";

    private ResourceNames() {}

    /** The prefix of the transactional ids of {@code owner}'s taps. */
    public static String tapTransactionalIdPrefix(String owner) {
        return PRODUCT_PREFIX + "tap." + owner + ".";
    }

    /** The prefix of the consumer groups of {@code reader}'s shared sources. */
    public static String readerGroupPrefix(String reader) {
        return PRODUCT_PREFIX + "read." + reader + ".";
    }
}

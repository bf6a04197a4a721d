package dev.flinkedge.registry.access;

import dev.flinkedge.registry.model.StreamDescriptor;

/**
 * The Kafka names a principal may use: its topics, consumer groups and transactional ids all start
 * with its own prefix, {@code flinkedge.<enc(owner)>.} (see {@link
 * StreamDescriptor#topicPrefixFor}), so that one prefixed ACL per resource type covers exactly one
 * principal's names. Taps and shared sources take theirs from here; an owner's own exactly-once
 * result sink must name its transactional ids under {@link #ownerPrefix} too.
 */
public final class ResourceNames {

    /** Prefix of every topic, group and transactional id the product names. */
    public static final String PRODUCT_PREFIX = "flinkedge.";

    private ResourceNames() {}

    /** The prefix of every topic, consumer group and transactional id of {@code owner}. */
    public static String ownerPrefix(String owner) {
        return StreamDescriptor.topicPrefixFor(owner);
    }

    /** The prefix of the transactional ids of {@code owner}'s taps. */
    public static String tapTransactionalIdPrefix(String owner) {
        return ownerPrefix(owner) + "tap.";
    }

    /** The prefix of the consumer groups of {@code reader}'s shared sources. */
    public static String readerGroupPrefix(String reader) {
        return ownerPrefix(reader) + "read.";
    }
}

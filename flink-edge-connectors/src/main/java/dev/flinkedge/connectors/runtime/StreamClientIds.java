package dev.flinkedge.connectors.runtime;

import dev.flinkedge.registry.access.ResourceNames;
import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.annotation.Internal;

/**
 * The Kafka client, consumer group and transactional ids of taps and shared sources, one per owner
 * and stream (and reader). Owners and streams may both contain '-', so joining them with '-' is
 * ambiguous (owner {@code a-b} stream {@code c} against owner {@code a} stream {@code b-c});
 * principals never contain '.', so {@code flinkedge.<role>.<principal>[.<principal>].<name>} splits
 * back at its first dots into exactly one role, principals and stream name. Each id starts with its
 * principal's prefix from {@link ResourceNames}, which the registry's Kafka ACLs allow.
 */
@Internal
public final class StreamClientIds {

    private StreamClientIds() {}

    /** The transactional id prefix of the tap of {@code stream}. */
    public static String tapTransactionalIdPrefix(StreamRef stream) {
        return ResourceNames.tapTransactionalIdPrefix(stream.owner()) + stream.name();
    }

    /** The client id of the tap of {@code stream}. */
    public static String tapClientId(StreamRef stream) {
        return tapTransactionalIdPrefix(stream);
    }

    /** The consumer group of principal {@code reader}'s shared sources on {@code stream}. */
    public static String readerGroupId(String reader, StreamRef stream) {
        return ResourceNames.readerGroupPrefix(reader) + stream.owner() + "." + stream.name();
    }

    /** The client id prefix of principal {@code reader}'s shared sources on {@code stream}. */
    public static String readerClientIdPrefix(String reader, StreamRef stream) {
        return readerGroupId(reader, stream);
    }
}

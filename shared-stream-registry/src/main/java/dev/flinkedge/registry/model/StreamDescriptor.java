package dev.flinkedge.registry.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A registered stream as the registry describes it: the owner's {@link StreamSpec} plus what the
 * registry decides and tracks (status, producer, topic, fingerprint, grants, subscriptions).
 *
 * @param owner the owning principal
 * @param name unique per owner
 * @param type RAW, VIRTUAL or DERIVED
 * @param window time grouping
 * @param serializer record format on the topic
 * @param payloadType payload type, informational
 * @param guarantee delivery guarantee
 * @param lineage operator and parent fingerprints (DERIVED only)
 * @param source devices or areas (RAW only)
 * @param durable whether the tap writes without subscribers
 * @param partitions partitions of the topic
 * @param status lifecycle status
 * @param producer the producing job while ACTIVE (kept while ORPHANED)
 * @param topic the Kafka topic carrying the stream
 * @param fingerprint lineage fingerprint (see {@link LineageFingerprint})
 * @param grants principals that may read the stream, sorted
 * @param subscriptions live leases
 * @param createdAtMs creation time, epoch millis
 * @param updatedAtMs last change of the stream record (lease renewals excluded), epoch millis
 * @param lease the producing job's lease while ACTIVE (kept, lapsed, while ORPHANED), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamDescriptor(
        String owner,
        String name,
        StreamType type,
        WindowSpec window,
        SerializerFormat serializer,
        String payloadType,
        Guarantee guarantee,
        Lineage lineage,
        SourceSpec source,
        boolean durable,
        int partitions,
        StreamStatus status,
        Producer producer,
        String topic,
        String fingerprint,
        List<String> grants,
        List<Subscription> subscriptions,
        long createdAtMs,
        long updatedAtMs,
        ProductionLease lease)
        implements Serializable {

    public StreamDescriptor {
        Names.checkOwner("owner", owner);
        Names.checkStreamName("name", name);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(serializer, "serializer");
        Objects.requireNonNull(guarantee, "guarantee");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(topic, "topic");
        Names.checkFingerprint("fingerprint", fingerprint);
        if (type == StreamType.DERIVED && (lineage == null || !lineage.isResolved())) {
            throw new InvalidFieldException(
                    "lineage", "a stored DERIVED stream needs a lineage of parent fingerprints");
        }
        grants = grants == null ? List.of() : List.copyOf(grants);
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }

    /** A descriptor without a production lease (DECLARED and RETIRED streams, request echoes). */
    public StreamDescriptor(
            String owner,
            String name,
            StreamType type,
            WindowSpec window,
            SerializerFormat serializer,
            String payloadType,
            Guarantee guarantee,
            Lineage lineage,
            SourceSpec source,
            boolean durable,
            int partitions,
            StreamStatus status,
            Producer producer,
            String topic,
            String fingerprint,
            List<String> grants,
            List<Subscription> subscriptions,
            long createdAtMs,
            long updatedAtMs) {
        this(
                owner,
                name,
                type,
                window,
                serializer,
                payloadType,
                guarantee,
                lineage,
                source,
                durable,
                partitions,
                status,
                producer,
                topic,
                fingerprint,
                grants,
                subscriptions,
                createdAtMs,
                updatedAtMs,
                null);
    }

    /** The owner/name identity. */
    @JsonIgnore
    public StreamRef ref() {
        return new StreamRef(owner, name);
    }

    /** Kafka's longest topic name. */
    public static final int MAX_TOPIC_LENGTH = 249;

    /**
     * The Kafka topic name for a new stream: {@code flinkedge.<enc(owner)>.<enc(name)>}, see {@link
     * #encodeForTopic}. Kafka treats '.' and '_' alike when it checks topics for collisions; the
     * encoded parts hold neither, so distinct streams get topics that stay distinct under that
     * rule, and the topic splits at its two dots into owner and name.
     *
     * @throws InvalidFieldException naming {@code name} when the topic would exceed {@value
     *     #MAX_TOPIC_LENGTH} characters
     */
    public static String topicFor(String owner, String name) {
        String topic = topicPrefixFor(owner) + encodeForTopic(name);
        if (topic.length() > MAX_TOPIC_LENGTH) {
            throw new InvalidFieldException(
                    "name",
                    "'"
                            + Names.abbreviate(name)
                            + "' of owner '"
                            + owner
                            + "' gives the Kafka topic a name of "
                            + topic.length()
                            + " characters, more than Kafka's "
                            + MAX_TOPIC_LENGTH
                            + "; choose a shorter name (each '-', '_' and '.' counts twice)");
        }
        return topic;
    }

    /** Whether Kafka takes two topic names for one: it treats '.' and '_' alike. */
    public static boolean topicsCollide(String topic, String other) {
        return topic.replace('.', '_').equals(other.replace('.', '_'));
    }

    /**
     * The prefix, {@code flinkedge.<enc(owner)>.}, of the topic of every stream {@link #topicFor}
     * names for {@code owner}; no other owner's topics start with it (the encoded owner holds no
     * dot), so it can scope prefixed ACLs to one owner.
     */
    public static String topicPrefixFor(String owner) {
        return "flinkedge." + encodeForTopic(owner) + ".";
    }

    /**
     * Encodes a name for a topic: letters and digits stay, '-' becomes "--", '_' becomes "-u" and
     * '.' becomes "-d". Injective, and the result holds no '.' or '_'.
     */
    static String encodeForTopic(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '-' -> out.append("--");
                case '_' -> out.append("-u");
                case '.' -> out.append("-d");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code principal} may read (describe, resolve, subscribe to) this stream. */
    public boolean isReadableBy(String principal) {
        return owner.equals(principal) || grants.contains(principal);
    }

    /**
     * Whether the stream may be reused at {@code nowMs}: it is ACTIVE and its producer's lease is
     * live. The one rule for reuse; the registry's resolve and {@code ReusePlanner} both apply it.
     */
    public boolean isReusableAt(long nowMs) {
        return status == StreamStatus.ACTIVE && lease != null && lease.isLiveAt(nowMs);
    }

    /** Whether any subscription is live at {@code nowMs}. */
    public boolean hasLiveSubscriptionAt(long nowMs) {
        return subscriptions.stream().anyMatch(s -> s.isLiveAt(nowMs));
    }
}

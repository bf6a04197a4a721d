package dev.flinkedge.kafka;

import java.util.Objects;

/**
 * What a topic must look like, for {@link Topics#ensure}: how to create it when it is missing, and
 * which of its settings an existing topic must share. Only the settings a reader depends on are
 * checked: compaction (a view replayed from the topic loses entries to retention otherwise) and,
 * when asked for, the exact partition count (one partition = one total order).
 *
 * <pre>{@code
 * TopicSpec registry = TopicSpec.of("_flinkedge_registry", 1).compacted().exactPartitions();
 * TopicSpec policies = TopicSpec.of("_flinkedge_policies", 1).compactedIfCreated();
 * TopicSpec results = TopicSpec.of("plates", 4);
 * }</pre>
 *
 * @param name the topic
 * @param partitions the partitions of a created topic; with {@code partitionsFixed}, of any topic
 * @param replicationFactor the replication of a created topic: a positive factor, {@link
 *     #REPLICATION_BROKER_DEFAULT} or {@link #REPLICATION_UP_TO_THREE}
 * @param compaction whether a created topic is compacted ({@code cleanup.policy=compact}) and what
 *     an existing topic that is not compacted means
 * @param partitionsFixed whether an existing topic must have exactly {@code partitions}
 */
public record TopicSpec(
        String name,
        int partitions,
        short replicationFactor,
        Compaction compaction,
        boolean partitionsFixed) {

    /** Replication: the broker's {@code default.replication.factor}. */
    public static final short REPLICATION_BROKER_DEFAULT = -1;

    /** Replication: as many replicas as there are brokers, at most three. */
    public static final short REPLICATION_UP_TO_THREE = 0;

    /** Whether a topic is compacted, and how strictly. */
    public enum Compaction {
        /** Created with the broker's cleanup policy; an existing topic may have any. */
        NONE,
        /** Created compacted; an existing topic that is not compacted is refused. */
        REQUIRED,
        /**
         * Created compacted; an existing topic that is not compacted is used, with a warning (for
         * views that survive losing old entries, e.g. policies that fall back to defaults).
         */
        IF_CREATED
    }

    /** Checks the fields. */
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(compaction, "compaction");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(
                    "topic '" + name + "': partitions " + partitions + " must be at least 1");
        }
        if (replicationFactor < REPLICATION_BROKER_DEFAULT) {
            throw new IllegalArgumentException(
                    "topic '"
                            + name
                            + "': replication factor "
                            + replicationFactor
                            + " must be positive, "
                            + REPLICATION_BROKER_DEFAULT
                            + " (broker default) or "
                            + REPLICATION_UP_TO_THREE
                            + " (up to three)");
        }
    }

    /** A topic of {@code partitions} partitions, broker-default replication, not compacted. */
    public static TopicSpec of(String name, int partitions) {
        return new TopicSpec(name, partitions, REPLICATION_BROKER_DEFAULT, Compaction.NONE, false);
    }

    /** The same, compacted: an existing topic must be compacted too. */
    public TopicSpec compacted() {
        return new TopicSpec(
                name, partitions, replicationFactor, Compaction.REQUIRED, partitionsFixed);
    }

    /** The same, created compacted: an existing topic that is not is used with a warning. */
    public TopicSpec compactedIfCreated() {
        return new TopicSpec(
                name, partitions, replicationFactor, Compaction.IF_CREATED, partitionsFixed);
    }

    /** The same, and an existing topic must have exactly {@link #partitions}. */
    public TopicSpec exactPartitions() {
        return new TopicSpec(name, partitions, replicationFactor, compaction, true);
    }

    /** The same with another replication factor for a created topic. */
    public TopicSpec withReplicationFactor(short factor) {
        return new TopicSpec(name, partitions, factor, compaction, partitionsFixed);
    }
}

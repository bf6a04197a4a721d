package dev.flinkedge.connectors.link;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Preconditions;

/**
 * Emulates a network link between two sites inside a job: put it where records cross from one
 * site's operators to another's (after an {@code OffloadRouter}'s branch for a target site, in the
 * target's slot sharing group), and records arrive as late as the link's bandwidth, queue and
 * latency make them, or are dropped when its queue overflows. Change the conditions while the job
 * runs with {@link EmulatedLinks#set}.
 *
 * <pre>{@code
 * EmulatedLink link = EmulatedLink.builder("edge-1>cloud")
 *         .setConditions(new LinkConditions(100, 8))
 *         .build();
 * DataStream<Frame> atCloud = link.apply(routed.offloadedTo("cloud"), RecordSize.frames());
 * EmulatedLinks.set("edge-1>cloud", new LinkConditions(10, 8));      // later: a bandwidth drop
 * }</pre>
 */
@PublicEvolving
public final class EmulatedLink {

    private final String name;
    private final LinkConditions conditions;
    private final long burstBytes;
    private final long queueLimitBytes;

    private EmulatedLink(
            String name, LinkConditions conditions, long burstBytes, long queueLimitBytes) {
        this.name = name;
        this.conditions = conditions;
        this.burstBytes = burstBytes;
        this.queueLimitBytes = queueLimitBytes;
    }

    /**
     * A builder for the link called {@code name}, e.g. {@code edge-1>cloud} (the name metrics give
     * links).
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Sends {@code records} over the link.
     *
     * @param records what crosses the link
     * @param size how many bytes each record occupies
     * @return the records as they arrive at the other end
     */
    public <T> SingleOutputStreamOperator<T> apply(DataStream<T> records, RecordSize<T> size) {
        return records.transform(
                "link:" + name,
                records.getType(),
                new LinkShaperOperator<>(name, conditions, size, burstBytes, queueLimitBytes));
    }

    /** Builds an {@link EmulatedLink}. */
    public static final class Builder {
        private final String name;
        private LinkConditions conditions;
        private long burstBytes = 15_000;
        private long queueLimitBytes = 8L * 1024 * 1024;

        private Builder(String name) {
            this.name = Preconditions.checkNotNull(name, "name");
        }

        /**
         * Bandwidth and latency until {@link EmulatedLinks#set} changes them; required. A link
         * already set in {@link EmulatedLinks} keeps its conditions.
         */
        public Builder setConditions(LinkConditions conditions) {
            this.conditions = conditions;
            return this;
        }

        /**
         * Bytes the link may send back to back at full speed; default 15 000 (ten 1500-byte
         * packets).
         */
        public Builder setBurstBytes(long bytes) {
            this.burstBytes = bytes;
            return this;
        }

        /** Bytes that may wait for the link before it drops records; default 8 MiB. */
        public Builder setQueueLimitBytes(long bytes) {
            this.queueLimitBytes = bytes;
            return this;
        }

        /**
         * Checks the settings and builds.
         *
         * @throws NullPointerException if the conditions are missing
         * @throws IllegalArgumentException if burst or queue limit are out of range
         */
        public EmulatedLink build() {
            Preconditions.checkNotNull(
                    conditions, "Property %s is required but not provided", "conditions");
            Preconditions.checkArgument(
                    burstBytes > 0 && queueLimitBytes >= 0,
                    "Burst %s must be > 0 and queue limit %s >= 0 bytes",
                    burstBytes,
                    queueLimitBytes);
            return new EmulatedLink(name, conditions, burstBytes, queueLimitBytes);
        }
    }
}

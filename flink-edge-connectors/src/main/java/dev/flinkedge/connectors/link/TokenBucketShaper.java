package dev.flinkedge.connectors.link;

import org.apache.flink.annotation.Internal;

/**
 * A link as a FIFO token bucket plus a delay: tokens (bytes) refill at the link's bandwidth up to
 * {@code burstBytes}; a record is sent once enough tokens have accumulated after the records ahead
 * of it (a record larger than the burst waits for a full bucket and leaves a debt), and arrives one
 * latency later. A record that would wait longer than {@code queueLimitBytes} take to send is
 * dropped, as a router's full buffer drops packets. Records never overtake each other.
 *
 * <p>Time is passed in by the caller (nanoseconds on any monotonic clock), so the shaper is
 * deterministic and tests drive it with a fake clock. Changing the conditions affects records
 * admitted afterwards; records already admitted keep their times. Not thread-safe.
 */
@Internal
public final class TokenBucketShaper {

    /** {@link #admit} result for a dropped record. */
    public static final long DROPPED = Long.MIN_VALUE;

    private final long burstBytes;
    private final long queueLimitBytes;
    private LinkConditions conditions;
    private double rate;

    private boolean started;
    private long lastSendNanos;
    private double tokensAfterLastSend;
    private long lastArrivalNanos = Long.MIN_VALUE;

    /**
     * @param conditions bandwidth and latency at the start
     * @param burstBytes bucket size, {@code > 0}
     * @param queueLimitBytes how many bytes may wait, {@code >= 0}
     */
    public TokenBucketShaper(LinkConditions conditions, long burstBytes, long queueLimitBytes) {
        if (burstBytes <= 0 || queueLimitBytes < 0) {
            throw new IllegalArgumentException(
                    "Shaper burst "
                            + burstBytes
                            + " must be > 0 and queue limit "
                            + queueLimitBytes
                            + " >= 0 bytes");
        }
        this.burstBytes = burstBytes;
        this.queueLimitBytes = queueLimitBytes;
        setConditions(conditions, 0);
    }

    /** The current conditions. */
    public LinkConditions conditions() {
        return conditions;
    }

    /**
     * Changes bandwidth and latency from {@code nowNanos} on; tokens gathered so far at the old
     * rate are kept.
     */
    public void setConditions(LinkConditions newConditions, long nowNanos) {
        if (started && nowNanos > lastSendNanos) {
            tokensAfterLastSend = tokensAt(nowNanos);
            lastSendNanos = nowNanos;
        }
        this.conditions = newConditions;
        this.rate = newConditions.bytesPerNano();
    }

    /**
     * Admits a record arriving at {@code nowNanos}.
     *
     * @param nowNanos the arrival time
     * @param bytes the record's size, {@code >= 0}
     * @return when it arrives at the other end (nanoseconds), or {@link #DROPPED}
     */
    public long admit(long nowNanos, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("Record size " + bytes + " must be >= 0");
        }
        if (!started) {
            started = true;
            lastSendNanos = nowNanos;
            tokensAfterLastSend = burstBytes;
        }
        long start = Math.max(nowNanos, lastSendNanos);
        double tokens = tokensAt(start);
        long send;
        double left;
        if (tokens >= bytes) {
            send = start;
            left = tokens - bytes;
        } else {
            // Waits until the bucket has paid for all of the record's bytes, which takes at least
            // the transmission time of what exceeds the burst.
            send = start + (long) Math.ceil((bytes - tokens) / rate);
            left = 0;
        }
        if ((send - nowNanos) * rate > queueLimitBytes) {
            return DROPPED;
        }
        tokensAfterLastSend = left;
        lastSendNanos = send;
        // Links keep order even when the latency drops between two records.
        long arrival = Math.max(send + conditions.latencyNanos(), lastArrivalNanos);
        lastArrivalNanos = arrival;
        return arrival;
    }

    private double tokensAt(long t) {
        return Math.min(burstBytes, tokensAfterLastSend + (t - lastSendNanos) * rate);
    }
}

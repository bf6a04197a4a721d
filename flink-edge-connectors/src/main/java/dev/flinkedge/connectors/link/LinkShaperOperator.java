package dev.flinkedge.connectors.link;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Delays records as a link of limited bandwidth and some latency would ({@link TokenBucketShaper}),
 * holding them in a FIFO and releasing each at its arrival time with a processing-time timer, and
 * drops those that overflow the link's queue. The conditions are those of the link's name in {@link
 * EmulatedLinks}, read per record, so a benchmark changes them while the job runs. With parallelism
 * p every subtask is a link of its own: divide the bandwidth by p or use parallelism 1.
 *
 * <p>Watermarks wait until the records before them have left. Records in flight are not part of
 * checkpoints: after a failure they are lost, as on a real link. At the end of a bounded input the
 * records still queued are released at once.
 *
 * <p>Metrics: counters {@code recordsDropped}, {@code bytesSent}; gauge {@code queuedRecords}.
 *
 * @param <T> the record type
 */
@Internal
public final class LinkShaperOperator<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T>, BoundedOneInput {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LinkShaperOperator.class);

    private final String linkName;
    private final LinkConditions initial;
    private final RecordSize<T> size;
    private final long burstBytes;
    private final long queueLimitBytes;

    private transient TokenBucketShaper shaper;
    private transient Deque<InFlight<T>> inFlight;
    private transient Watermark heldWatermark;
    private transient boolean timerSet;
    private transient Counter dropped;
    private transient Counter bytesSent;

    LinkShaperOperator(
            String linkName,
            LinkConditions initial,
            RecordSize<T> size,
            long burstBytes,
            long queueLimitBytes) {
        this.linkName = linkName;
        this.initial = initial;
        this.size = size;
        this.burstBytes = burstBytes;
        this.queueLimitBytes = queueLimitBytes;
    }

    @Override
    public void open() throws Exception {
        super.open();
        shaper =
                new TokenBucketShaper(
                        EmulatedLinks.setIfAbsent(linkName, initial), burstBytes, queueLimitBytes);
        inFlight = new ArrayDeque<>();
        dropped = getMetricGroup().counter("recordsDropped");
        bytesSent = getMetricGroup().counter("bytesSent");
        getMetricGroup().gauge("queuedRecords", () -> inFlight.size());
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        long nowMs = getProcessingTimeService().getCurrentProcessingTime();
        long nowNanos = nowMs * 1_000_000;
        LinkConditions current = EmulatedLinks.get(linkName).orElse(initial);
        if (!current.equals(shaper.conditions())) {
            LOG.info("Link '{}' changes from {} to {}", linkName, shaper.conditions(), current);
            shaper.setConditions(current, nowNanos);
        }
        long bytes = size.bytes(element.getValue());
        long arrival = shaper.admit(nowNanos, bytes);
        if (arrival == TokenBucketShaper.DROPPED) {
            dropped.inc();
            return;
        }
        bytesSent.inc(bytes);
        // Timers fire at whole milliseconds; round up so no record leaves early.
        long releaseMs = Math.floorDiv(arrival + 999_999, 1_000_000);
        inFlight.addLast(new InFlight<>(element.copy(element.getValue()), releaseMs));
        scheduleHead();
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (inFlight.isEmpty()) {
            super.processWatermark(mark);
        } else {
            heldWatermark = mark;
        }
    }

    @Override
    public void endInput() throws Exception {
        release(Long.MAX_VALUE);
    }

    private void scheduleHead() {
        if (!timerSet && !inFlight.isEmpty()) {
            timerSet = true;
            getProcessingTimeService()
                    .registerTimer(
                            inFlight.peekFirst().releaseMs,
                            time -> {
                                timerSet = false;
                                release(time);
                                scheduleHead();
                            });
        }
    }

    private void release(long upToMs) throws Exception {
        while (!inFlight.isEmpty() && inFlight.peekFirst().releaseMs <= upToMs) {
            output.collect(inFlight.pollFirst().record);
        }
        if (inFlight.isEmpty() && heldWatermark != null) {
            Watermark mark = heldWatermark;
            heldWatermark = null;
            super.processWatermark(mark);
        }
    }

    /** A record on the link and when it arrives at the other end. */
    private record InFlight<T>(StreamRecord<T> record, long releaseMs) {}
}

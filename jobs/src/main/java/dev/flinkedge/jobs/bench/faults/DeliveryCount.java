package dev.flinkedge.jobs.bench.faults;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what a subscriber lost and duplicated, by sequence number, against what the cameras
 * emitted; and how long its longest pause after a fault was. Pure functions over {@code
 * camera#sequence} lines, so that the rules are tested without a cluster.
 *
 * <p>The counted range of each camera runs from the first logged sequence number the subscriber
 * received (before it there was no subscriber) to the last one the cameras emitted before a cut-off
 * (later ones may still be in flight when the run ends). Records the subscriber received from
 * cameras that do not log (those of a host job that re-hosts the stream) are left out, and so are
 * the lines the cameras emitted while another job wrote the stream: then the stream was that job's,
 * and the producer's tap was fenced (or its job down), so those frames were never the stream's.
 *
 * @param emitted distinct sequence numbers emitted in the counted range
 * @param delivered distinct sequence numbers of that range the subscriber wrote
 * @param lost emitted ones in the range it never wrote
 * @param duplicated sequence numbers (any) it wrote more than once
 * @param notCounted sequence numbers in the range emitted while another job wrote the stream
 */
record DeliveryCount(long emitted, long delivered, long lost, long duplicated, long notCounted) {

    /**
     * @param emittedFirstSeenMs each line the cameras emitted, with when the log showed it
     * @param delivered each line the subscriber wrote, with how often
     * @param cutoffMs lines the cameras emitted after this are not counted
     * @param heldByOthers when jobs other than the producer wrote the stream
     */
    static DeliveryCount of(
            Map<String, Long> emittedFirstSeenMs,
            Map<String, Integer> delivered,
            long cutoffMs,
            List<StreamWriters.Stretch> heldByOthers) {
        Map<String, Long> firstDelivered = new HashMap<>();
        long duplicated = 0;
        for (Map.Entry<String, Integer> d : delivered.entrySet()) {
            Line line = Line.parse(d.getKey());
            // Records of cameras that did not log (a host job's) neither open the range nor count.
            if (emittedFirstSeenMs.containsKey(d.getKey())) {
                firstDelivered.merge(line.camera(), line.sequence(), Math::min);
            }
            if (d.getValue() > 1) {
                duplicated++;
            }
        }
        Map<String, Long> lastEmitted = new HashMap<>();
        emittedFirstSeenMs.forEach(
                (text, seenMs) -> {
                    if (seenMs <= cutoffMs) {
                        Line line = Line.parse(text);
                        lastEmitted.merge(line.camera(), line.sequence(), Math::max);
                    }
                });
        long emitted = 0;
        long got = 0;
        long notCounted = 0;
        for (Map.Entry<String, Long> e : emittedFirstSeenMs.entrySet()) {
            String text = e.getKey();
            Line line = Line.parse(text);
            Long from = firstDelivered.get(line.camera());
            Long to = lastEmitted.get(line.camera());
            if (from == null || to == null || line.sequence() < from || line.sequence() > to) {
                continue;
            }
            if (heldByOthers.stream().anyMatch(s -> s.covers(e.getValue()))) {
                notCounted++;
                continue;
            }
            emitted++;
            if (delivered.containsKey(text)) {
                got++;
            }
        }
        return new DeliveryCount(emitted, got, emitted - got, duplicated, notCounted);
    }

    /**
     * The longest pause between records after a fault: from the fault to the first arrival, between
     * two arrivals, or from the last arrival to the end of the run.
     *
     * @param arrivalsMs when the subscriber's records arrived
     * @return the pause in seconds and when it ended in seconds from the fault (-1 when it lasted
     *     until the end)
     */
    static Pause longestPause(long[] arrivalsMs, long faultMs, long endMs) {
        long[] after = Arrays.stream(arrivalsMs).filter(t -> t >= faultMs).sorted().toArray();
        long longest = 0;
        long endedAt = -1;
        long previous = faultMs;
        for (long t : after) {
            if (t - previous >= longest) {
                longest = t - previous;
                endedAt = t;
            }
            previous = t;
        }
        if (endMs - previous > longest) {
            longest = endMs - previous;
            endedAt = -1;
        }
        return new Pause(longest / 1000.0, endedAt < 0 ? -1 : (endedAt - faultMs) / 1000.0);
    }

    /**
     * @param seconds how long the pause was
     * @param endedS when the next record came, seconds after the fault; -1 if none came
     */
    record Pause(double seconds, double endedS) {}

    /** A parsed {@code camera#sequence} line. */
    record Line(String camera, long sequence) {
        static Line parse(String text) {
            int hash = text.lastIndexOf('#');
            if (hash <= 0) {
                throw new IllegalArgumentException("not a camera#sequence line: '" + text + "'");
            }
            return new Line(text.substring(0, hash), Long.parseLong(text.substring(hash + 1)));
        }
    }
}

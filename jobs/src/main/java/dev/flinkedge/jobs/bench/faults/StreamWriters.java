package dev.flinkedge.jobs.bench.faults;

import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicTail;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who writes the suite's shared streams, counted where it happens: follows each stream's topic with
 * {@code read_committed}, as a subscriber reads it, and keeps when records of each writer arrived,
 * by the job its tap names in header {@value StreamTopics#PRODUCER_JOB_HEADER}. A job whose tap is
 * fenced, or whose tasks wait for slots, writes nothing and so is no producer here.
 */
final class StreamWriters implements AutoCloseable {

    /**
     * Records of one writer that arrive no further apart than this belong to one stretch of
     * writing: exactly-once taps commit every second, so their records arrive in bursts.
     */
    static final long SAME_STRETCH_MS = 3_000;

    /** Writer named for records without the header (written by a tap that predates it). */
    static final String UNNAMED = "unnamed";

    private final Map<String, Map<String, List<Long>>> arrivals = new HashMap<>();
    private final List<TopicTail<byte[], byte[]>> tails = new ArrayList<>();

    /** Starts following {@code topics} (they exist) from their first records. */
    StreamWriters(KafkaClientConfig kafka, List<String> topics) {
        topics.forEach(t -> arrivals.put(t, new LinkedHashMap<>()));
        for (String topic : topics) {
            tails.add(
                    TopicTail.builder(
                                    topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                            .clientConfig(kafka)
                            .name("fault-writers-" + topic)
                            .readCommitted()
                            .fromBeginning()
                            .onRecord(
                                    r ->
                                            arrived(
                                                    topic,
                                                    writer(
                                                            r.headers()
                                                                    .lastHeader(
                                                                            StreamTopics
                                                                                    .PRODUCER_JOB_HEADER))))
                            .start());
        }
    }

    private static String writer(Header header) {
        return header == null ? UNNAMED : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A tail's thread: a record of {@code writer} arrived on {@code topic}. */
    private synchronized void arrived(String topic, String writer) {
        arrivals.get(topic)
                .computeIfAbsent(writer, w -> new ArrayList<>())
                .add(System.currentTimeMillis());
    }

    /** The jobs that wrote {@code topic} so far, in the order of their first record. */
    synchronized List<String> writers(String topic) {
        return List.copyOf(arrivals.get(topic).keySet());
    }

    /** The most jobs seen writing {@code topic} at the same time so far. */
    synchronized int maxConcurrent(String topic) {
        Map<String, long[]> byWriter = new HashMap<>();
        arrivals.get(topic)
                .forEach(
                        (w, times) ->
                                byWriter.put(
                                        w, times.stream().mapToLong(Long::longValue).toArray()));
        return maxConcurrent(byWriter, SAME_STRETCH_MS);
    }

    /**
     * The stretches in which jobs other than {@code jobs} wrote {@code topic} (a host job while the
     * producer's tap was fenced or its job was down).
     */
    synchronized List<Stretch> stretchesOfOthers(String topic, Set<String> jobs) {
        List<Stretch> others = new ArrayList<>();
        arrivals.get(topic)
                .forEach(
                        (w, times) -> {
                            if (!jobs.contains(w)) {
                                others.addAll(
                                        stretches(
                                                times.stream().mapToLong(Long::longValue).toArray(),
                                                SAME_STRETCH_MS));
                            }
                        });
        return others;
    }

    /**
     * A stretch of writing: from the arrival of a writer's first record to that of its last.
     *
     * @param fromMs the first record's arrival
     * @param toMs the last record's arrival
     */
    record Stretch(long fromMs, long toMs) {
        boolean covers(long ms) {
            return fromMs <= ms && ms <= toMs;
        }
    }

    /**
     * One writer's records in stretches: sorted by arrival, split where two are more than {@code
     * sameStretchMs} apart.
     */
    static List<Stretch> stretches(long[] arrivalsMs, long sameStretchMs) {
        long[] sorted = arrivalsMs.clone();
        Arrays.sort(sorted);
        List<Stretch> stretches = new ArrayList<>();
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] - sorted[j] <= sameStretchMs) {
                j++;
            }
            stretches.add(new Stretch(sorted[i], sorted[j]));
            i = j + 1;
        }
        return stretches;
    }

    /**
     * The most writers writing at one instant, each in its {@link #stretches}. Two stretches
     * overlap when one starts inside the other; a stretch that starts when another ends does not (a
     * hand-over).
     *
     * @param arrivalsByWriter when each writer's records arrived
     */
    static int maxConcurrent(Map<String, long[]> arrivalsByWriter, long sameStretchMs) {
        List<Stretch> all = new ArrayList<>();
        arrivalsByWriter.values().forEach(times -> all.addAll(stretches(times, sameStretchMs)));
        int most = 0;
        for (Stretch s : all) {
            int at = 0;
            for (Stretch other : all) {
                // Covers the moment right after s starts; s covers itself.
                if (other == s || other.fromMs() <= s.fromMs() && s.fromMs() < other.toMs()) {
                    at++;
                }
            }
            most = Math.max(most, at);
        }
        return most;
    }

    @Override
    public void close() {
        tails.forEach(TopicTail::close);
    }
}

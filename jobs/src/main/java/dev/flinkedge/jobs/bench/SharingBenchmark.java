package dev.flinkedge.jobs.bench;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.api.StreamSpecOptions;
import dev.flinkedge.connectors.metrics.Percentiles;
import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.connectors.sink.ResultSinks;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.ResultTopics;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Reproduces the EStream paper's Table II scenario: job x+a (detect, then recognise) runs from t0;
 * job b (attributes over the same detections) joins at t1 in one of four {@link SharingMode}s. It
 * measures detection runs per frame, x+a's latency before and after t1, how soon b gets results,
 * the longest pause in x+a's output, restarts, and the cluster's CPU time per 1000 frames.
 */
public final class SharingBenchmark {

    /**
     * What to run.
     *
     * @param cameras number of cameras
     * @param fps frames per second per camera
     * @param duration whole run, from t0
     * @param t1 when b joins, after t0
     * @param warmup results before t0 + warmup are left out of the t0 latency
     */
    public record Config(int cameras, double fps, Duration duration, Duration t1, Duration warmup) {
        public Config {
            if (cameras < 1 || !(fps > 0)) {
                throw new IllegalArgumentException("need at least one camera and fps > 0");
            }
            if (t1.compareTo(duration) >= 0 || warmup.compareTo(t1) >= 0) {
                throw new IllegalArgumentException(
                        "need warmup < t1 < duration, got warmup "
                                + warmup
                                + ", t1 "
                                + t1
                                + ", duration "
                                + duration);
            }
        }
    }

    /**
     * Coordinates of the registry and Kafka the benchmark uses, with one token and one Kafka login
     * per city: on a secured Kafka each city's jobs read and write as that city.
     *
     * @param kafkaA how city A (the producer) reaches Kafka
     * @param kafkaB how city B (the subscriber) reaches Kafka
     */
    public record Services(
            KafkaClientConfig kafkaA,
            KafkaClientConfig kafkaB,
            String registryUrl,
            String registryTopic,
            String tokenA,
            String tokenB) {

        /** Services on a Kafka that accepts anyone: both cities reach it as {@code kafka}. */
        public static Services open(
                KafkaClientConfig kafka,
                String registryUrl,
                String registryTopic,
                String tokenA,
                String tokenB) {
            return new Services(kafka, kafka, registryUrl, registryTopic, tokenA, tokenB);
        }
    }

    private static final String A = "city-a";
    private static final String B = "city-b";
    private final Config config;
    private final Services services;
    private final BenchCluster cluster;
    private final SharingWorkload<?> workload;
    private final Path savepoints;
    private final PrintWriter out;

    /**
     * @param workload the operators of x, a and b and their cameras
     * @param savepoints directory for the restart mode's savepoint
     * @param out progress lines
     */
    public SharingBenchmark(
            Config config,
            Services services,
            BenchCluster cluster,
            SharingWorkload<?> workload,
            Path savepoints,
            PrintWriter out) {
        this.config = Objects.requireNonNull(config);
        this.services = Objects.requireNonNull(services);
        this.cluster = Objects.requireNonNull(cluster);
        this.workload = Objects.requireNonNull(workload);
        this.savepoints = savepoints;
        this.out = out;
    }

    /** Runs one mode end to end and reports what it measured. */
    public SharingReport run(SharingMode mode) throws Exception {
        String tag =
                mode.name().toLowerCase(java.util.Locale.ROOT)
                        + "-"
                        + Long.toString(System.currentTimeMillis(), 36);
        String video = "Video-" + tag;
        String cars = "Cars-" + tag;
        // Results live in the namespace of the owner whose job writes them; under restart, the
        // combined job of A writes b's results too.
        String resultsA = ResultTopics.topicFor(A, "results-a-" + tag);
        String ownerOfB = mode == SharingMode.RESTART ? A : B;
        String resultsB = ResultTopics.topicFor(ownerOfB, "results-b-" + tag);
        RegistryClient a = client(services.tokenA());
        StreamDescriptor raw =
                a.create(
                        StreamSpec.builder(video, StreamType.RAW)
                                .source(
                                        SourceSpec.devices(
                                                IntStream.rangeClosed(1, config.cameras())
                                                        .mapToObj(i -> "cam-" + i)
                                                        .toList()))
                                .build());
        a.grant(raw.ref(), B);
        createTopics(services.kafkaA(), resultsA);
        createTopics(kafkaOf(ownerOfB), resultsB);

        double cpu0 = cluster.cpuSeconds();
        long t0 = System.currentTimeMillis();
        List<JobClient> jobs = new ArrayList<>();
        // The jobs of owner A that detect every camera frame once: their detections count frames.
        List<JobClient> cameraJobs = new ArrayList<>();
        JobClient xa;
        EdgeStreams xaPlan = null;
        try (ResultArrivals results =
                new ResultArrivals(
                        Map.of(resultsA, services.kafkaA(), resultsB, kafkaOf(ownerOfB)))) {
            out.printf(
                    "[%s] t0: starting x+a (%d cameras at %.1f fps, %s)%n",
                    mode, config.cameras(), config.fps(), workload.describe());
            if (mode == SharingMode.KAFKA) {
                JobClient x =
                        x(workload, video, cars, StreamSpecOptions.DEFAULT.asDurable())
                                .execute("x");
                jobs.add(x);
                cameraJobs.add(x);
                xa = aOverTopic(workload, cars, resultsA).execute("a");
            } else {
                xaPlan = xPlusA(workload, video, cars, resultsA, null, null);
                xa = xaPlan.execute("x+a");
            }
            jobs.add(xa);
            if (mode != SharingMode.KAFKA) {
                cameraJobs.add(xa);
            }
            if (mode != SharingMode.RECOMPUTE) {
                a.grant(new StreamRef(A, cars), B);
            }
            waitUntil(t0 + config.t1().toMillis(), mode, "t1");

            long t1 = System.currentTimeMillis();
            int restarts = 0;
            List<JobClient> stopped = new ArrayList<>();
            if (mode == SharingMode.RESTART) {
                out.printf("[%s] t1: stopping x+a with a savepoint%n", mode);
                String savepoint =
                        xa.stopWithSavepoint(
                                        false,
                                        savepoints.toUri().toString(),
                                        SavepointFormatType.CANONICAL)
                                .get(60, TimeUnit.SECONDS);
                jobs.remove(xa);
                stopped.add(xa);
                restarts = 1;
                // Nobody produces x+a's streams any more; the combined job takes them over.
                for (StreamDescriptor d : Objects.requireNonNull(xaPlan).producedStreams()) {
                    a.setStatus(d.ref(), StreamStatus.DECLARED, null);
                }
                xa = xPlusA(workload, video, cars, resultsA, resultsB, savepoint).execute("x+a&b");
                jobs.add(xa);
                cameraJobs.add(xa);
                out.printf("[%s] t1: x+a&b restarted from %s%n", mode, savepoint);
            } else {
                out.printf("[%s] t1: starting b%n", mode);
                jobs.add(b(workload, video, cars, resultsB).execute("b"));
            }
            waitUntil(t0 + config.duration().toMillis(), mode, "end");
            restarts += cluster.restarts(xa.getJobID().toString());
            for (JobClient j : jobs) {
                j.cancel().get(60, TimeUnit.SECONDS);
            }
            double cpu = cluster.cpuSeconds() - cpu0;
            stopped.addAll(jobs);
            long detect = 0;
            long frames = 0;
            for (JobClient j : stopped) {
                long n = cluster.invocations(j.getJobID().toString(), SharingWorkload.DETECT);
                detect += n;
                if (cameraJobs.contains(j)) {
                    frames += n;
                }
            }
            return report(
                    mode,
                    results.of(resultsA),
                    results.of(resultsB),
                    t0,
                    t1,
                    restarts,
                    frames,
                    detect,
                    cpu);
        }
    }

    private RegistryClient client(String token) {
        return RegistryClient.builder().url(services.registryUrl()).token(token).build();
    }

    private KafkaClientConfig kafkaOf(String owner) {
        return owner.equals(A) ? services.kafkaA() : services.kafkaB();
    }

    private EdgeStreams plan(String owner, String token, String savepoint) {
        SharedChannel channel =
                SharedChannel.of(kafkaOf(owner), services.registryUrl(), token)
                        .withRegistryTopic(services.registryTopic());
        return EdgeStreams.on(cluster.newEnvironment(savepoint), client(token), owner)
                .withChannel(channel)
                .withRawSources(workload.cameras(config.fps()));
    }

    /**
     * x+a: camera → detect → recognise → results; {@code savepoint} restores it (restart) as x+a&b,
     * which writes b's results to {@code resultsB}.
     */
    private <V> EdgeStreams xPlusA(
            SharingWorkload<V> w,
            String video,
            String cars,
            String results,
            String resultsB,
            String savepoint) {
        EdgeStreams es = plan(A, services.tokenA(), savepoint);
        EdgeStream<V> vehicles = es.derive(cars, w.detect(), es.importStream(video));
        sinkResults(A, es.derive(cars + "-plates", w.recognise(), vehicles), results);
        if (savepoint != null) {
            sinkResults(A, es.derive(cars + "-attrs", w.attributes(), vehicles), resultsB);
        }
        return es;
    }

    /** x alone, writing its stream to Kafka whether or not anyone reads it. */
    private <V> EdgeStreams x(
            SharingWorkload<V> w, String video, String cars, StreamSpecOptions durable) {
        EdgeStreams es = plan(A, services.tokenA(), null).withStreamOptions(durable);
        es.derive(cars, w.detect(), es.importStream(video));
        return es;
    }

    /** a as its own job over x's topic. */
    private <V> EdgeStreams aOverTopic(SharingWorkload<V> w, String cars, String results) {
        EdgeStreams es = plan(A, services.tokenA(), null);
        sinkResults(
                A,
                es.derive(cars + "-plates", w.recognise(), es.importStream(cars, w.vehiclesType())),
                results);
        return es;
    }

    /** b: camera → detect (reused when readable and running) → attributes → results. */
    private <V> EdgeStreams b(SharingWorkload<V> w, String video, String cars, String results) {
        EdgeStreams es = plan(B, services.tokenB(), null);
        EdgeStream<V> vehicles = es.derive(cars, w.detect(), es.importStream(A + "/" + video));
        sinkResults(B, es.derive(cars + "-attrs", w.attributes(), vehicles), results);
        out.printf(
                "    b reuses %s%n",
                es.reusedStreams().isEmpty()
                        ? "nothing (computes its own" + " detection)"
                        : es.reusedStreams());
        return es;
    }

    /** Results as JSON to {@code topic} as {@code owner}, whatever the operator's output type. */
    private <T extends EdgeData> void sinkResults(
            String owner, EdgeStream<T> stream, String topic) {
        stream.sinkTo(ResultSinks.kafkaJson(kafkaOf(owner), topic));
    }

    private static void createTopics(KafkaClientConfig kafka, String topic) {
        StreamTopics.ensure(kafka, Map.of(topic, 1));
    }

    private void waitUntil(long atMs, SharingMode mode, String what) throws InterruptedException {
        long left;
        while ((left = atMs - System.currentTimeMillis()) > 0) {
            TimeUnit.MILLISECONDS.sleep(Math.min(left, 10_000));
            long remaining = Math.max(0, atMs - System.currentTimeMillis()) / 1000;
            if (remaining > 0) {
                out.printf("[%s] %d s to %s%n", mode, remaining, what);
                out.flush();
            }
        }
    }

    private SharingReport report(
            SharingMode mode,
            List<ResultArrivals.Arrival> xa,
            List<ResultArrivals.Arrival> xb,
            long t0,
            long t1,
            int restarts,
            long frames,
            long detect,
            double cpu) {
        long warm = t0 + config.warmup().toMillis();
        long[] before = latencies(xa, warm, t1);
        long[] after = latencies(xa, t1, Long.MAX_VALUE);
        double firstB =
                xb.stream().mapToLong(ResultArrivals.Arrival::arrivalMs).min().stream()
                        .mapToDouble(at -> (at - t1) / 1000.0)
                        .findFirst()
                        .orElse(-1);
        return new SharingReport(
                mode.name().toLowerCase(java.util.Locale.ROOT),
                frames,
                detect,
                frames == 0 ? 0 : round((double) detect / frames),
                new SharingReport.Latency(
                        p(before, 0.5), p(before, 0.95), p(after, 0.5), p(after, 0.95)),
                round(firstB),
                round(maxGapSeconds(xa, warm)),
                restarts,
                round(cpu),
                frames == 0 ? 0 : round(cpu * 1000 / frames));
    }

    private static long[] latencies(List<ResultArrivals.Arrival> in, long fromMs, long toMs) {
        return in.stream()
                .filter(a -> a.arrivalMs() >= fromMs && a.arrivalMs() < toMs)
                .mapToLong(a -> a.arrivalMs() - a.captureMs())
                .sorted()
                .toArray();
    }

    private static double maxGapSeconds(List<ResultArrivals.Arrival> in, long fromMs) {
        long[] at =
                in.stream()
                        .mapToLong(ResultArrivals.Arrival::arrivalMs)
                        .filter(t -> t >= fromMs)
                        .sorted()
                        .toArray();
        long max = 0;
        for (int i = 1; i < at.length; i++) {
            max = Math.max(max, at[i] - at[i - 1]);
        }
        return max / 1000.0;
    }

    private static double p(long[] sorted, double q) {
        return sorted.length == 0 ? -1 : Percentiles.nearestRank(sorted, q);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

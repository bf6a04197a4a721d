package dev.flinkedge.jobs.bench.faults;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamStatus;

import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs fault scenarios on a {@link FaultCluster}: starts a producer and a subscriber per delivery
 * guarantee ({@link FaultWorkload}), waits until every subscriber receives records and then for the
 * warm-up, injects the fault, observes for a while, and counts by sequence number what each
 * subscriber lost and duplicated. Leaves the cluster healthy: cancels every job and starts again
 * any process the scenario left dead.
 */
public final class FaultBenchmark {

    private static final Duration FIRST_RECORD_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CUTOFF_BEFORE_END = Duration.ofSeconds(5);
    private static final Duration RESUBMIT_GRACE = Duration.ofSeconds(10);

    /**
     * What to run.
     *
     * @param guarantees one shared stream (producer and subscriber) per guarantee
     * @param cameras cameras of the producers
     * @param fps frames per second per camera
     * @param warmup records before the fault, after the first one arrived
     * @param observe how long to watch after the fault is over
     * @param command the command line, for the report
     * @param options every option, for the report
     * @param gitCommit the checkout's commit, for the report
     */
    public record Config(
            List<Guarantee> guarantees,
            int cameras,
            double fps,
            Duration warmup,
            Duration observe,
            String command,
            Map<String, String> options,
            String gitCommit) {
        public Config {
            if (guarantees.isEmpty() || cameras < 1 || !(fps > 0)) {
                throw new IllegalArgumentException(
                        "need at least one guarantee, one camera and fps > 0");
            }
            guarantees = List.copyOf(guarantees);
            options = Map.copyOf(options);
        }
    }

    private final FaultCluster cluster;
    private final Config config;
    private final PrintWriter out;

    public FaultBenchmark(FaultCluster cluster, Config config, PrintWriter out) {
        this.cluster = Objects.requireNonNull(cluster);
        this.config = Objects.requireNonNull(config);
        this.out = Objects.requireNonNull(out);
    }

    /** Runs {@code scenario} once and reports what it measured. */
    public FaultReport run(FaultScenario scenario) throws Exception {
        long startMs = System.currentTimeMillis();
        String run =
                scenario.id().replace("-", "").substring(0, 6)
                        + Long.toString(startMs, 36).substring(3);
        Run r = new Run(scenario, run);
        try {
            return r.execute(startMs);
        } finally {
            r.cleanUp();
        }
    }

    /** One run of one scenario; the context its fault acts through. */
    private final class Run implements FaultContext {
        private final FaultScenario scenario;
        private final FaultWorkload workload;
        private final List<String> notes = new ArrayList<>();
        private final Map<Guarantee, FaultWorkload.Streams> streams = new LinkedHashMap<>();
        private final Map<FaultWorkload.Streams, String> streamTopics = new LinkedHashMap<>();
        private final Map<FaultWorkload.Streams, JobID> producerJobs = new LinkedHashMap<>();
        private final List<JobClient> producers = new ArrayList<>();
        private final List<JobClient> subscribers = new ArrayList<>();
        private int subscriberAttempt;

        Run(FaultScenario scenario, String run) {
            this.scenario = scenario;
            this.workload =
                    new FaultWorkload(
                            cluster.services(),
                            cluster.cluster(),
                            cluster.topology(),
                            run,
                            config.cameras(),
                            config.fps());
        }

        FaultReport execute(long startMs) throws Exception {
            say(
                    "starting %d producers and subscribers (%s)",
                    config.guarantees().size(), config.guarantees());
            workload.registerCameras();
            for (Guarantee g : config.guarantees()) {
                FaultWorkload.Streams s = workload.streams(g);
                streams.put(g, s);
                JobClient producer = workload.startProducer(s, FaultCluster.PRODUCER_SITE);
                producers.add(producer);
                producerJobs.put(s, producer.getJobID());
            }
            await(
                    () -> streams.values().stream().allMatch(this::reusable),
                    FIRST_RECORD_TIMEOUT,
                    "the producers' streams to be ACTIVE with a live production lease");
            streams.values().forEach(s -> streamTopics.put(s, workload.describe(s).topic()));
            startSubscribers(true);
            // Each topic is read as its owner: the producer's emitted, the subscriber's results.
            Map<String, KafkaClientConfig> topics = new LinkedHashMap<>();
            streams.values()
                    .forEach(
                            s -> {
                                topics.put(s.emittedTopic(), cluster.services().kafkaA());
                                topics.put(s.resultTopic(), cluster.services().kafkaB());
                            });
            try (SequenceLedger ledger = new SequenceLedger(topics);
                    StreamWriters writers =
                            new StreamWriters(
                                    cluster.services().kafkaA(),
                                    List.copyOf(streamTopics.values()));
                    ProducerSampler sampler =
                            new ProducerSampler(
                                    cluster.restUrl(),
                                    client(),
                                    streams.values().stream()
                                            .map(FaultWorkload.Streams::stream)
                                            .toList())) {
                await(
                        () ->
                                streams.values().stream()
                                        .allMatch(
                                                s ->
                                                        ledger.seen(s.resultTopic())
                                                                        .arrivalsMs()
                                                                        .length
                                                                > 0),
                        FIRST_RECORD_TIMEOUT,
                        "every subscriber's first record");
                say(
                        "every subscriber receives records; warming up for %d s",
                        config.warmup().toSeconds());
                hold(config.warmup(), "warm-up");
                scenario.prepare(this);
                long faultMs = System.currentTimeMillis();
                sampler.mark(faultMs);
                say("fault: %s", scenario.description());
                scenario.inject(this);
                say(
                        "fault over after %.1f s; observing for %d s",
                        (System.currentTimeMillis() - faultMs) / 1000.0,
                        config.observe().toSeconds());
                hold(config.observe(), "observation");
                long endMs = System.currentTimeMillis();
                long cutoffMs = endMs - CUTOFF_BEFORE_END.toMillis();
                await(
                        () ->
                                streams.values().stream()
                                        .allMatch(
                                                s ->
                                                        count(ledger, writers, s, cutoffMs).lost()
                                                                == 0),
                        DRAIN_TIMEOUT,
                        null);
                List<FaultReport.StreamOutcome> outcomes = new ArrayList<>();
                for (FaultWorkload.Streams s : streams.values()) {
                    outcomes.add(outcome(s, ledger, writers, sampler, faultMs, endMs, cutoffMs));
                }
                return new FaultReport(
                        scenario.id(),
                        scenario.description(),
                        config.command(),
                        new TreeMap<>(config.options()),
                        config.gitCommit(),
                        Runtime.getRuntime().availableProcessors(),
                        Instant.ofEpochMilli(startMs).toString(),
                        round((System.currentTimeMillis() - startMs) / 1000.0),
                        List.copyOf(notes),
                        outcomes);
            }
        }

        private DeliveryCount count(
                SequenceLedger ledger,
                StreamWriters writers,
                FaultWorkload.Streams s,
                long cutoffMs) {
            return DeliveryCount.of(
                    ledger.seen(s.emittedTopic()).firstArrivalMs(),
                    ledger.seen(s.resultTopic()).counts(),
                    cutoffMs,
                    writers.stretchesOfOthers(
                            streamTopics.get(s), Set.of(producerJobs.get(s).toString())));
        }

        private FaultReport.StreamOutcome outcome(
                FaultWorkload.Streams s,
                SequenceLedger ledger,
                StreamWriters writers,
                ProducerSampler sampler,
                long faultMs,
                long endMs,
                long cutoffMs) {
            DeliveryCount count = count(ledger, writers, s, cutoffMs);
            DeliveryCount.Pause pause =
                    DeliveryCount.longestPause(
                            ledger.seen(s.resultTopic()).arrivalsMs(), faultMs, endMs);
            ProducerSampler.Observed seen = sampler.observed(s.stream());
            String status = "unknown (registry unreachable)";
            int subscriptions = -1;
            String topic = streamTopics.get(s);
            try {
                StreamDescriptor d = client().describe(s.stream());
                long now = System.currentTimeMillis();
                status = d.status().name();
                subscriptions =
                        (int) d.subscriptions().stream().filter(x -> x.isLiveAt(now)).count();
            } catch (RuntimeException e) {
                notes.add(
                        "could not read "
                                + s.stream()
                                + " from the registry at the end: "
                                + e.getMessage());
            }
            return new FaultReport.StreamOutcome(
                    s.guarantee().name(),
                    s.stream().toString(),
                    seen.orphanedAtMs < 0 ? -1 : round((seen.orphanedAtMs - faultMs) / 1000.0),
                    round(pause.endedS()),
                    round(pause.seconds()),
                    count.emitted(),
                    count.delivered(),
                    count.lost(),
                    count.duplicated(),
                    count.notCounted(),
                    writers.maxConcurrent(topic),
                    writers.writers(topic),
                    seen.maxRunningTapJobs,
                    List.copyOf(seen.tapJobs),
                    List.copyOf(seen.leaseHolders),
                    status,
                    subscriptions);
        }

        private void startSubscribers(boolean mustReuse) throws Exception {
            subscriberAttempt++;
            for (FaultWorkload.Streams s : streams.values()) {
                FaultWorkload.Subscriber sub =
                        mustReuse ? reusingSubscriber(s) : subscriber(s, false);
                subscribers.add(sub.job());
                if (!sub.reuses()) {
                    note(
                            "the subscriber of "
                                    + s.stream()
                                    + " submitted again computes it itself: the stream had no"
                                    + " live producer to reuse");
                }
            }
        }

        /**
         * A subscriber that reads the producer's stream. A new producer's first lease may lapse
         * before its tasks run and renew it (short leases on a loaded machine), which makes the
         * stream ORPHANED for a moment: then it waits until the stream is reusable again.
         */
        private FaultWorkload.Subscriber reusingSubscriber(FaultWorkload.Streams s)
                throws Exception {
            long deadline = System.nanoTime() + FIRST_RECORD_TIMEOUT.toNanos();
            while (true) {
                await(() -> reusable(s), FIRST_RECORD_TIMEOUT, s.stream() + " to be reusable");
                try {
                    return subscriber(s, true);
                } catch (IllegalStateException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    say("%s was not reusable when its subscriber was planned; again", s.stream());
                }
            }
        }

        private FaultWorkload.Subscriber subscriber(FaultWorkload.Streams s, boolean mustReuse)
                throws Exception {
            return workload.startSubscriber(
                    s, FaultCluster.SUBSCRIBER_SITE, subscriberAttempt, mustReuse);
        }

        void cleanUp() throws Exception {
            cluster.cancelAllJobs();
            List<String> restarted = cluster.restoreDead();
            if (!restarted.isEmpty()) {
                say("started again after the run: %s", restarted);
            }
            List<String> renewed = cluster.renewFullTaskManagers();
            if (!renewed.isEmpty()) {
                say("restarted with an emptier metaspace: %s", renewed);
            }
        }

        @Override
        public FaultInjector injector() {
            return cluster.injector();
        }

        @Override
        public Duration lease() {
            return Duration.ofSeconds(cluster.leaseSeconds());
        }

        @Override
        public void cancelProducers() throws Exception {
            for (JobClient p : producers) {
                say("cancelling producer %s", p.getJobID());
                cluster.cluster().cancel(p.getJobID().toString());
            }
        }

        @Override
        public String producerTaskManager() throws InterruptedException {
            return onlyTaskManager(producers, "producer");
        }

        @Override
        public String subscriberTaskManager() throws InterruptedException {
            return onlyTaskManager(subscribers, "subscriber");
        }

        private String onlyTaskManager(List<JobClient> jobs, String what)
                throws InterruptedException {
            List<String> taskManagers = new ArrayList<>();
            for (JobClient job : jobs) {
                for (String tm : cluster.taskManagersOf(job.getJobID().toString())) {
                    if (!taskManagers.contains(tm)) {
                        taskManagers.add(tm);
                    }
                }
            }
            if (taskManagers.size() != 1) {
                throw new IllegalStateException(
                        "the "
                                + what
                                + " jobs run on "
                                + taskManagers
                                + ", not on one TaskManager");
            }
            return taskManagers.get(0);
        }

        @Override
        public void resubmitSubscribers() throws Exception {
            Duration wait = lease().multipliedBy(3).plus(RESUBMIT_GRACE);
            say(
                    "submitting the subscribers again once their streams can be reused (at most"
                            + " %d s)",
                    wait.toSeconds());
            await(() -> streams.values().stream().allMatch(this::reusable), wait, null);
            subscribers.clear();
            startSubscribers(false);
        }

        private boolean reusable(FaultWorkload.Streams s) {
            try {
                return workload.reusable(s);
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public void awaitOrphaned(Duration timeout) throws InterruptedException {
            await(
                    () -> streams.values().stream().anyMatch(this::orphaned),
                    timeout,
                    "one of " + streams.keySet() + "'s streams to be ORPHANED");
            say("a stream is ORPHANED");
        }

        /** ORPHANED, or already claimed by a job other than its producer (a host job). */
        private boolean orphaned(FaultWorkload.Streams s) {
            try {
                StreamDescriptor d = workload.describe(s);
                return d.status() == StreamStatus.ORPHANED
                        || d.lease() != null
                                && producers.stream()
                                        .noneMatch(
                                                p -> d.lease().isHeldBy(p.getJobID().toString()));
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public void hold(Duration length, String what) throws InterruptedException {
            long end = System.nanoTime() + length.toNanos();
            long left;
            while ((left = end - System.nanoTime()) > 0) {
                // The fault's or observation's length itself, not a wait for a condition.
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.SECONDS.toNanos(10)));
                long seconds = Math.max(0, end - System.nanoTime()) / 1_000_000_000L;
                if (seconds > 0) {
                    say("%s: %d s left", what, seconds);
                }
            }
        }

        @Override
        public void note(String line) {
            notes.add(line);
        }

        private void say(String format, Object... args) {
            out.printf("[%s] %s%n", scenario.id(), String.format(Locale.ROOT, format, args));
            out.flush();
        }
    }

    /**
     * Polls {@code condition} until it holds or {@code timeout} passes; fails naming {@code what},
     * or returns quietly when {@code what} is null.
     */
    private static void await(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                if (what == null) {
                    return;
                }
                throw new IllegalStateException(
                        "timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private RegistryClient client() {
        return RegistryClient.builder()
                .url(cluster.services().registryUrl())
                .token(cluster.services().tokenA())
                .build();
    }

    private static double round(double v) {
        return v < 0 ? v : Math.round(v * 1000) / 1000.0;
    }
}

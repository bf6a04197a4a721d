package dev.flinkedge.jobs.bench.registry;

import dev.flinkedge.connectors.metrics.Percentiles;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.OperatorRef;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures one registry view (in-process or HTTP): creates one RAW parent and N DERIVED streams
 * with distinct parameters from T threads (throughput), activates a sample of them, then, after an
 * unmeasured warm-up of up to 1000 look-ups, times resolve-by-fingerprint of random activated
 * streams from T threads (p50, p99). Only ACTIVE streams resolve, and a look-up costs the same
 * whichever fingerprint it asks for, so the sample stands for all streams.
 */
public final class RegistryBenchmark {

    /**
     * What to run.
     *
     * @param streams derived streams to create
     * @param threads client threads
     * @param lookups measured resolve calls
     * @param active streams to activate as look-up targets (at most {@code streams})
     */
    public record Plan(int streams, int threads, int lookups, int active) {}

    private static final int MAX_WARMUP = 1000;
    private static final long SEED = 20_240_601L;

    private final StreamRegistry registry;
    private final String mode;
    private final Plan plan;
    private final PrintWriter out;

    public RegistryBenchmark(StreamRegistry registry, String mode, Plan plan, PrintWriter out) {
        this.registry = registry;
        this.mode = mode;
        this.plan = plan;
        this.out = out;
    }

    /** Runs the phases on the calling thread plus {@code threads} workers. */
    public BenchResult run() throws Exception {
        StreamDescriptor parent =
                registry.create(
                        StreamSpec.builder("BenchVideo", StreamType.RAW)
                                .source(SourceSpec.devices(List.of("bench-cam")))
                                .build());
        String[] fingerprints = new String[plan.streams()];
        Progress created = new Progress(out, "[" + mode + "] created", plan.streams());
        long t0 = System.nanoTime();
        parallel(
                plan.streams(),
                worker ->
                        i -> {
                            fingerprints[i] =
                                    registry.create(derived(parent.ref(), i)).fingerprint();
                            created.tick();
                        });
        double createSeconds = (System.nanoTime() - t0) / 1e9;

        int active = Math.min(plan.active(), plan.streams());
        out.printf("  [%s] activating %d streams as look-up targets%n", mode, active);
        out.flush();
        parallel(
                active,
                worker ->
                        i ->
                                registry.setStatus(
                                        new StreamRef(parent.owner(), name(i)),
                                        StreamStatus.ACTIVE,
                                        new Producer("bench-job", "bench-site")));

        lookups(Math.min(plan.lookups(), MAX_WARMUP), fingerprints, active, null);
        long[] nanos = new long[plan.lookups()];
        lookups(plan.lookups(), fingerprints, active, nanos);
        Arrays.sort(nanos);
        return new BenchResult(
                mode,
                plan.streams(),
                plan.threads(),
                plan.lookups(),
                plan.streams() / createSeconds,
                Percentiles.millis(nanos, 0.50),
                Percentiles.millis(nanos, 0.99));
    }

    /** Resolves {@code count} random targets; records latencies into {@code nanos} unless null. */
    private void lookups(int count, String[] fingerprints, int targets, long[] nanos)
            throws Exception {
        Progress resolved =
                nanos == null ? null : new Progress(out, "[" + mode + "] resolved", count);
        parallel(
                count,
                worker -> {
                    SplittableRandom random = new SplittableRandom(SEED + worker);
                    return i -> {
                        String fingerprint = fingerprints[random.nextInt(targets)];
                        long start = System.nanoTime();
                        registry.resolve(fingerprint);
                        long elapsed = System.nanoTime() - start;
                        if (nanos != null) {
                            nanos[i] = elapsed;
                            resolved.tick();
                        }
                    };
                });
    }

    private static StreamSpec derived(StreamRef parent, int i) {
        return StreamSpec.builder(name(i), StreamType.DERIVED)
                .lineage(
                        new Lineage(
                                new OperatorRef("bench-op", "1", Map.of("i", "" + i)),
                                List.of(parent.toString())))
                .build();
    }

    private static String name(int i) {
        return String.format("Derived-%07d", i);
    }

    /** Work on item {@code i}, by one worker. */
    @FunctionalInterface
    private interface Item {
        void run(int i) throws Exception;
    }

    /** Makes a worker's item function; {@code worker} numbers the workers from 0. */
    @FunctionalInterface
    private interface Worker {
        Item start(int worker);
    }

    /**
     * Runs items 0..count-1 on {@code threads} workers in order; a failure stops the workers and is
     * rethrown.
     */
    private void parallel(int count, Worker worker) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(plan.threads());
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int w = 0; w < plan.threads(); w++) {
                int id = w;
                tasks.add(
                        () -> {
                            Item item = worker.start(id);
                            for (int i = next.getAndIncrement();
                                    i < count;
                                    i = next.getAndIncrement()) {
                                try {
                                    item.run(i);
                                } catch (Exception e) {
                                    next.set(count);
                                    throw e;
                                }
                            }
                            return null;
                        });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

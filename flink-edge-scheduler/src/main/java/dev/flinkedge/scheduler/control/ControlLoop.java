package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.scheduler.topology.Topology;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The scheduler's control loop: every period it reads the newest metrics window of each camera, the
 * sites' CPU loads and the links' bandwidths, runs the {@link SchedulingPolicy}, and publishes each
 * camera policy that changed with the next version number, logging every decision. Cameras under
 * the policy are those that reported metrics; a camera without a published policy starts from the
 * best configuration. Windows older than two periods are ignored.
 *
 * <p>Admission: a camera that has a published policy but has not reported metrics yet (registered
 * before it streams) is held at the admission configuration ({@link ControlSettings#admission()},
 * its offload kept) until its first window. A camera joining a loaded site then adds little load
 * before the policy sees it, and the policy raises it as the SLO allows, instead of cutting what it
 * already queued at the best configuration.
 *
 * <p>{@link #step()} runs one period on the caller's thread, so a benchmark can drive the loop in
 * lockstep with its load steps and bandwidth drops; {@link #start()} runs it every period on a
 * thread of its own.
 *
 * <pre>{@code
 * try (ControlLoop loop = new ControlLoop(policy, settings, metricsView, loads,
 *         () -> LinkBandwidths.nominal(topology), store, topology, System::currentTimeMillis)) {
 *     loop.start();
 *     ...
 * }
 * }</pre>
 */
public final class ControlLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);

    private final SchedulingPolicy policy;
    private final ControlSettings settings;
    private final MetricsSource metrics;
    private final SiteLoadSource loads;
    private final Supplier<LinkBandwidths> links;
    private final PolicyStore store;
    private final Topology topology;
    private final LongSupplier clock;
    private final Set<String> cameras = new TreeSet<>();
    private ScheduledExecutorService executor;

    /**
     * @param policy decides
     * @param settings SLO, period, best configuration
     * @param metrics the pipelines' metrics
     * @param loads the sites' CPU loads
     * @param links the links' bandwidths now
     * @param store where policies are read and published
     * @param topology the sites and links, or null
     * @param clock epoch millis
     */
    public ControlLoop(
            SchedulingPolicy policy,
            ControlSettings settings,
            MetricsSource metrics,
            SiteLoadSource loads,
            Supplier<LinkBandwidths> links,
            PolicyStore store,
            Topology topology,
            LongSupplier clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.loads = Objects.requireNonNull(loads, "loads");
        this.links = Objects.requireNonNull(links, "links");
        this.store = Objects.requireNonNull(store, "store");
        this.topology = topology;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What one period saw and did.
     *
     * @param input what the policy was given
     * @param decisions what it decided
     * @param published the policies that changed and were published, with their new versions
     */
    public record Step(
            ControlInput input, List<PolicyDecision> decisions, List<CameraPolicy> published) {}

    /**
     * Runs one period now, on the calling thread.
     *
     * @throws InterruptedException if interrupted while publishing
     */
    public Step step() throws InterruptedException {
        long now = clock.getAsLong();
        long oldest = now - 2 * settings.period().toMillis();
        Map<String, CameraMetricsWindow> recent = new TreeMap<>();
        metrics.latest()
                .forEach(
                        (camera, w) -> {
                            cameras.add(camera);
                            if (w.windowEndMs() >= oldest) {
                                recent.put(camera, w);
                            }
                        });
        Map<String, CameraPolicy> current = new TreeMap<>();
        for (String camera : cameras) {
            current.put(camera, current(camera));
        }
        ControlInput input =
                new ControlInput(
                        now,
                        settings.period(),
                        settings.slo(),
                        recent,
                        current,
                        loads.current(),
                        links.get(),
                        topology);
        List<PolicyDecision> decisions = policy.decide(input);
        List<CameraPolicy> published = new ArrayList<>(admitWaitingCameras());
        for (PolicyDecision d : decisions) {
            CameraPolicy before = current.get(d.cameraId());
            if (before == null) {
                LOG.warn(
                        "Policy {} decided for unknown camera '{}'; ignored",
                        policy.name(),
                        d.cameraId());
                continue;
            }
            boolean neverPublished = store.published(d.cameraId()).isEmpty();
            if (!neverPublished && d.policy().withVersion(before.version()).equals(before)) {
                LOG.debug("Camera '{}' keeps {}: {}", d.cameraId(), describe(before), d.reason());
                continue;
            }
            CameraPolicy next = d.policy().withVersion(before.version() + 1);
            store.publish(next);
            published.add(next);
            LOG.info(
                    "Camera '{}' v{} → v{}: {} → {} ({})",
                    next.cameraId(),
                    before.version(),
                    next.version(),
                    describe(before),
                    describe(next),
                    d.reason());
        }
        return new Step(input, decisions, published);
    }

    /** Holds every camera that has a policy but never reported at the admission configuration. */
    private List<CameraPolicy> admitWaitingCameras() throws InterruptedException {
        List<CameraPolicy> admitted = new ArrayList<>();
        for (String camera : store.cameras()) {
            if (cameras.contains(camera)) {
                continue;
            }
            CameraPolicy before = current(camera);
            CameraPolicy held = settings.admission().applyTo(before);
            if (held.equals(before)) {
                continue;
            }
            CameraPolicy next = held.withVersion(before.version() + 1);
            store.publish(next);
            admitted.add(next);
            LOG.info(
                    "Camera '{}' v{} → v{}: {} → {} (no metrics yet: held at the admission"
                            + " configuration until its first window)",
                    camera,
                    before.version(),
                    next.version(),
                    describe(before),
                    describe(next));
        }
        return admitted;
    }

    /** Runs {@link #step()} every period on a thread of its own, the first one period from now. */
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("The control loop is already running");
        }
        executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "flinkedge-control-loop");
                            t.setDaemon(true);
                            return t;
                        });
        long periodMs = settings.period().toMillis();
        executor.scheduleAtFixedRate(this::stepLogged, periodMs, periodMs, TimeUnit.MILLISECONDS);
        LOG.info(
                "Control loop started: policy {}, SLO {} ms, period {} ms",
                policy.name(),
                settings.slo().toMillis(),
                periodMs);
    }

    private void stepLogged() {
        try {
            step();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A period that fails (Kafka unreachable, a bad window) must not end the loop.
            LOG.error("Control period failed; trying again next period", e);
        }
    }

    private CameraPolicy current(String camera) {
        return store.published(camera).orElseGet(() -> settings.defaultPolicy(camera));
    }

    private static String describe(CameraPolicy p) {
        CameraPolicy.Offload o = p.offload();
        return VideoConfig.of(p)
                + (o.fraction() > 0
                        ? String.format(
                                Locale.ROOT, " offload %.2f to %s", o.fraction(), o.targetSite())
                        : "");
    }

    /** Stops the loop's thread, if started; waits for a running period to end. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(30, TimeUnit.SECONDS);
            executor = null;
        }
    }
}

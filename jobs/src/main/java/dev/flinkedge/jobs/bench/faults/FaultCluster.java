package dev.flinkedge.jobs.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.connectors.http.HttpJson;
import dev.flinkedge.jobs.bench.BenchCluster;
import dev.flinkedge.jobs.bench.BenchClusters;
import dev.flinkedge.jobs.bench.SharingBenchmark;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.scheduler.cluster.ChildProcess;
import dev.flinkedge.scheduler.cluster.ClusterPorts;
import dev.flinkedge.scheduler.cluster.ClusterRestClient;
import dev.flinkedge.scheduler.cluster.ClusterSettings;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.LocalEdgeCluster;
import dev.flinkedge.scheduler.cluster.ProcessRole;
import dev.flinkedge.scheduler.pinning.TopologyPlacement;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local edge cluster the fault suite runs on: its own Kafka broker, registry (with the suite's
 * production lease length) and JobManager as separate processes, and one TaskManager at each of two
 * edge sites, {@value #PRODUCER_SITE} for the producers and {@value #SUBSCRIBER_SITE} for the
 * subscribers. Several scenarios may run on one cluster one after another: each restores what it
 * broke ({@link #restoreDead}).
 */
public final class FaultCluster implements AutoCloseable {

    static final String PRODUCER_SITE = "edge-producer";
    static final String SUBSCRIBER_SITE = "edge-subscriber";

    /** The most cameras a run may have: the host jobs' catalogue has this many. */
    public static final int MAX_CAMERAS = 8;

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(60);
    private static final String METASPACE_USED = "Status.JVM.Memory.Metaspace.Used";
    private static final String METASPACE_MAX = "Status.JVM.Memory.Metaspace.Max";
    private static final String TOPOLOGY =
            """
            # The fault suite's cluster: producers run at one edge site, subscribers at the other.
            # Slots to spare: host jobs (no site) must fit beside the subscribers when the
            # producers' TaskManager is gone.
            sites:
              - id: cloud
                tier: cloud
                location: {lat: 48.1374, lon: 11.5755}
                slots: 0
                cpu: 0
              - id: %s
                tier: edge
                parent: cloud
                location: {lat: 48.1500, lon: 11.5450}
                slots: 8
                cpu: 1
              - id: %s
                tier: edge
                parent: cloud
                location: {lat: 48.1200, lon: 11.6000}
                slots: 8
                cpu: 1
            """
                    .formatted(PRODUCER_SITE, SUBSCRIBER_SITE);

    private final ClusterSettings settings;
    private final FaultInjector injector;
    private final SharingBenchmark.Services services;
    private final BenchCluster cluster;
    private final TopologyPlacement topology;
    private final HttpJson http = new HttpJson();

    private FaultCluster(
            ClusterSettings settings,
            FaultInjector injector,
            SharingBenchmark.Services services,
            BenchCluster cluster) {
        this.settings = settings;
        this.injector = injector;
        this.services = services;
        this.cluster = cluster;
        this.topology = TopologyPlacement.of(settings.topology());
    }

    /**
     * The settings of the suite's cluster under {@code workDir}: production leases of {@code
     * leaseSeconds} and a stream supervisor whose host jobs read the suite's cameras from a
     * catalogue of synthetic cameras.
     *
     * @param jobJar the job jar, with the host job and the suite's operators
     * @param ports the cluster's ports
     */
    public static ClusterSettings settings(
            Path workDir, int leaseSeconds, Path jobJar, ClusterPorts ports) throws IOException {
        Path topologyFile = topology(workDir);
        Path catalog = Files.writeString(workDir.resolve("cameras-faults.yaml"), catalog());
        ClusterSettings defaults = BenchClusters.settings(topologyFile, workDir);
        return new ClusterSettings(
                        defaults.topology(),
                        topologyFile,
                        workDir,
                        null,
                        ports,
                        defaults.classpath(),
                        defaults.jobManagerMemory(),
                        defaults.taskManagerMemory(),
                        defaults.startTimeout())
                .withRegistrySetting(
                        RegistryConfig.PRODUCTION_LEASE_SECONDS, String.valueOf(leaseSeconds))
                .withSupervision(
                        new ClusterSettings.Supervision(
                                jobJar, List.of("--cameras.catalog", catalog.toString())));
    }

    private static Path topology(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        return Files.writeString(workDir.resolve("topology-faults.yaml"), TOPOLOGY);
    }

    /**
     * Synthetic cameras {@code cam-1} … {@code cam-}{@value #MAX_CAMERAS} for the host jobs, which
     * compute a re-hosted stream from the catalogue's cameras rather than the suite's sequenced
     * ones: their frames are not in the emitted log, so the count covers the original producer's.
     */
    private static String catalog() {
        StringBuilder yaml = new StringBuilder("cameras:\n");
        for (int i = 1; i <= MAX_CAMERAS; i++) {
            yaml.append("  - id: cam-")
                    .append(i)
                    .append("\n    location: {lat: 48.15, lon: 11.545}\n")
                    .append("    spec: {kind: SYNTHETIC, seed: ")
                    .append(i)
                    .append(", fps: 10, width: 64, height: 48}\n");
        }
        return yaml.toString();
    }

    /**
     * Starts the cluster and waits until every process is up.
     *
     * @param jobJar the shaded jar with the suite's operators, shipped with every job
     * @param progress one line per step
     */
    public static FaultCluster start(
            ClusterSettings settings, Path jobJar, Consumer<String> progress)
            throws IOException, InterruptedException {
        ClusterState state = LocalEdgeCluster.start(settings, progress);
        Map<String, String> tokens = LocalEdgeCluster.tokens(state.tokensFile());
        SharingBenchmark.Services services =
                new SharingBenchmark.Services(
                        state.kafkaClientConfig(FaultWorkload.PRODUCER),
                        state.kafkaClientConfig(FaultWorkload.SUBSCRIBER),
                        state.registryUrl(),
                        StreamRegistry.DEFAULT_TOPIC,
                        tokens.get(FaultWorkload.PRODUCER),
                        tokens.get(FaultWorkload.SUBSCRIBER));
        URI rest = URI.create(state.restUrl());
        FaultInjector injector = new FaultInjector(settings, state, progress);
        BenchCluster cluster =
                new BenchCluster(rest.getHost(), rest.getPort(), () -> 0L, List.of(jobJar));
        return new FaultCluster(settings, injector, services, cluster);
    }

    FaultInjector injector() {
        return injector;
    }

    SharingBenchmark.Services services() {
        return services;
    }

    BenchCluster cluster() {
        return cluster;
    }

    TopologyPlacement topology() {
        return topology;
    }

    URI restUrl() {
        return URI.create(injector.state().restUrl());
    }

    /** The suite's production lease length. */
    int leaseSeconds() {
        return Integer.parseInt(
                settings.registrySettings().get(RegistryConfig.PRODUCTION_LEASE_SECONDS));
    }

    /**
     * The TaskManagers (resource ids, which are their process names) running job {@code jobId}'s
     * subtasks.
     */
    List<String> taskManagersOf(String jobId) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        cluster.placement(jobId)
                .values()
                .forEach(tms -> tms.stream().filter(tm -> !ids.contains(tm)).forEach(ids::add));
        return ids;
    }

    /**
     * Cancels every job that is not finished, e.g. between two scenarios, and waits until they
     * ended (their slots are free again).
     */
    void cancelAllJobs() throws IOException, InterruptedException {
        for (String id : unfinishedJobs()) {
            cluster.cancel(id);
        }
        long deadline = System.nanoTime() + CANCEL_TIMEOUT.toNanos();
        List<String> left;
        while (!(left = unfinishedJobs()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "jobs "
                                + left
                                + " did not end within "
                                + CANCEL_TIMEOUT.toSeconds()
                                + " s of being cancelled; see the JobManager's log");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private List<String> unfinishedJobs() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode job : http.get(restUrl().resolve("/jobs/overview")).path("jobs")) {
            if (!List.of("CANCELED", "FINISHED", "FAILED").contains(job.path("state").asText())) {
                ids.add(job.path("jid").asText());
            }
        }
        return ids;
    }

    /**
     * Restarts each TaskManager whose class metadata fills more than half its metaspace: every job
     * loads the job jar's classes anew and Flink frees them late, so after a few dozen jobs a
     * TaskManager fails with {@code OutOfMemoryError: Metaspace} in the middle of a scenario.
     */
    List<String> renewFullTaskManagers() throws IOException, InterruptedException {
        ClusterRestClient rest =
                new ClusterRestClient(restUrl(), URI.create(injector.state().registryUrl()));
        List<String> renewed = new ArrayList<>();
        for (ChildProcess tm : injector.state().processes(ProcessRole.TASKMANAGER)) {
            OptionalDouble used = rest.taskManagerMetric(tm.name(), METASPACE_USED);
            OptionalDouble max = rest.taskManagerMetric(tm.name(), METASPACE_MAX);
            if (used.isPresent()
                    && max.isPresent()
                    && max.getAsDouble() > 0
                    && used.getAsDouble() > max.getAsDouble() / 2) {
                injector.stop(tm.name());
                injector.restart(tm.name());
                renewed.add(tm.name());
            }
        }
        return renewed;
    }

    /** Starts again every process of the cluster that is no longer running. */
    List<String> restoreDead() throws IOException, InterruptedException {
        List<String> restarted = new ArrayList<>();
        for (ChildProcess p : injector.state().processes()) {
            if (p.handle().isEmpty()) {
                injector.restart(p.name());
                restarted.add(p.name());
            }
        }
        return restarted;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        LocalEdgeCluster.stop(injector.state(), STOP_GRACE);
    }
}

package dev.flinkedge.jobs.bench.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;

import dev.flinkedge.connectors.link.EmulatedLink;
import dev.flinkedge.connectors.link.EmulatedLinks;
import dev.flinkedge.connectors.link.LinkConditions;
import dev.flinkedge.connectors.link.RecordSize;
import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.metrics.MetricsJson;
import dev.flinkedge.connectors.metrics.PipelineMetrics;
import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.policy.PolicyChanges;
import dev.flinkedge.connectors.routing.OffloadRouter;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.connectors.sink.ResultSinks;
import dev.flinkedge.connectors.source.camera.CameraSource;
import dev.flinkedge.connectors.source.camera.synthetic.SyntheticTrafficScene;
import dev.flinkedge.jobs.bench.BenchCluster;
import dev.flinkedge.jobs.bench.workload.FrameAnalysis;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicTail;
import dev.flinkedge.scheduler.control.ControlLoop;
import dev.flinkedge.scheduler.control.ControlOptions;
import dev.flinkedge.scheduler.control.ControlSettings;
import dev.flinkedge.scheduler.control.LinkBandwidths;
import dev.flinkedge.scheduler.control.MetricsView;
import dev.flinkedge.scheduler.control.PolicyStore;
import dev.flinkedge.scheduler.control.Profile;
import dev.flinkedge.scheduler.control.ProfileEntry;
import dev.flinkedge.scheduler.control.SchedulingPolicies;
import dev.flinkedge.scheduler.control.SiteLoadSource;
import dev.flinkedge.scheduler.control.VideoConfig;
import dev.flinkedge.scheduler.topology.Link;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Tier;
import dev.flinkedge.scheduler.topology.Topology;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The scheduler benchmark (issue 5's evaluation): synthetic cameras with ground truth at an edge
 * site ship their frames over an emulated link to the cloud, where the real detector and plate
 * reader analyse them; the control loop runs the chosen policy in lockstep with the metrics
 * windows; mid-run the cameras go from a few to many (the load step) and the link's bandwidth
 * drops. It measures every period's p95 latency, the SLO violations and how many periods each event
 * took to recover from, the accuracy against the ground truth, bytes shipped and restarts.
 *
 * <p>One Flink job: camera source (following the policy topic) → offload router (every camera
 * starts fully offloaded to the cloud; {@code lifetime} moves work back to the edge) → emulated
 * link → analysis at the cloud, or analysis at the edge for frames kept there → pipeline metrics
 * and a results topic. The load step adds cameras to the source's catalog file, which the source
 * re-reads; the bandwidth drop changes the emulated link and tells the control loop.
 */
public final class SchedulerBenchmark {

    static final String EDGE = "edge-1";
    static final String CLOUD = "cloud";
    static final String LINK = EDGE + ">" + CLOUD;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(3);
    private static final double FIT_SHARE = 0.8;
    private static final GeoPoint EDGE_LOCATION = new GeoPoint(48.1500, 11.5450);
    private static final GeoPoint CLOUD_LOCATION = new GeoPoint(48.1374, 11.5755);

    /** Covers the cameras, which stand around the edge site: the source admits what lies in it. */
    private static final String AREA =
            "POLYGON((11.50 48.10, 11.60 48.10, 11.60 48.20," + " 11.50 48.20, 11.50 48.10))";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchedulerScenario scenario;
    private final KafkaClientConfig kafka;
    private final BenchCluster cluster;
    private final Path workDir;
    private final PrintWriter out;
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private volatile double bandwidthMbps;

    /**
     * @param kafka Kafka of the policy, metrics and results topics
     * @param cluster the Flink cluster in this JVM (the emulated link is changed in-process)
     * @param workDir where the cameras' catalog goes
     * @param out progress lines
     */
    public SchedulerBenchmark(
            SchedulerScenario scenario,
            KafkaClientConfig kafka,
            BenchCluster cluster,
            Path workDir,
            PrintWriter out) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Settings of the Flink cluster the benchmark needs: little data in flight between tasks (small
     * buffers, debloated to 200 ms of throughput), so that a site that cannot keep up makes the
     * cameras skip frames instead of queueing seconds of video in network buffers.
     */
    public static Configuration flinkConfiguration() {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, MemorySize.parse("8kb"));
        conf.set(TaskManagerOptions.BUFFER_DEBLOAT_ENABLED, true);
        conf.set(TaskManagerOptions.BUFFER_DEBLOAT_TARGET, Duration.ofMillis(200));
        return conf;
    }

    /** Camera {@code i} (1-based). */
    static String camera(int i) {
        return "cam-" + i;
    }

    /** The scene seed of camera {@code i}. */
    static long seed(int i) {
        return i;
    }

    /**
     * The profiling pass for {@code scenario}: the scenes of the cameras present from the start,
     * {@code seconds} in all, with the real models. Run it before anything else starts in the JVM.
     */
    public static List<ConfigurationProfiler.Measured> profile(
            SchedulerScenario scenario, double seconds, Consumer<String> progress)
            throws IOException {
        List<Long> seeds = new ArrayList<>();
        for (int i = 1; i <= scenario.camerasBefore(); i++) {
            seeds.add(seed(i));
        }
        VideoConfig best = scenario.best();
        try (VehicleAnalyser analyser =
                VehicleAnalyser.open(scenario.model(), scenario.platesPerFrame())) {
            return new ConfigurationProfiler(
                            new ConfigurationProfiler.Settings(
                                    seeds,
                                    best.width(),
                                    best.height(),
                                    scenario.nativeFps(),
                                    seconds / seeds.size(),
                                    best,
                                    scenario.jpegQuality()),
                            analyser,
                            progress)
                    .run();
        }
    }

    /**
     * Runs the scenario once.
     *
     * @param profile the profile: best static accuracy, and the {@code profile} policy's input
     * @param profileFile the same profile as a file, which the {@code profile} policy loads
     */
    public SchedulerReport run(Profile profile, Path profileFile) throws Exception {
        String tag = scenario.policy() + "-" + Long.toString(System.currentTimeMillis(), 36);
        String policyTopic = "bench-policies-" + tag;
        String metricsTopic = "bench-metrics-" + tag;
        String resultsTopic = "bench-results-" + tag;
        StreamTopics.ensure(kafka, Map.of(resultsTopic, 1));
        Topology topology = topology();
        Path catalog = Files.createDirectories(workDir).resolve("cameras-" + tag + ".json");
        writeCatalog(catalog, scenario.camerasBefore());
        bandwidthMbps = scenario.bandwidthBeforeMbps();
        EmulatedLinks.set(LINK, new LinkConditions(bandwidthMbps, scenario.linkLatencyMs()));
        Configuration conf = controlConfiguration(policyTopic, metricsTopic, profileFile);
        int periods = scenario.periods();
        long periodMs = scenario.period().toMillis();
        Map<Integer, Map<String, String>> configs = new TreeMap<>();
        Map<Integer, Double> loadAverages = new TreeMap<>();
        List<SchedulerReport.Event> events = events();
        long start;
        int restarts;
        try (PolicyStore store = PolicyStore.kafka(kafka, policyTopic, TIMEOUT);
                MetricsView view = MetricsView.start(kafka, metricsTopic, Duration.ofMinutes(1))) {
            for (int i = 1; i <= scenario.camerasAfter(); i++) {
                store.publish(initialPolicy(camera(i)));
            }
            JobClient job =
                    pipeline(policyTopic, metricsTopic, resultsTopic, catalog)
                            .executeAsync("bench-scheduler-" + tag);
            try (ControlLoop loop =
                    new ControlLoop(
                            SchedulingPolicies.create(conf, topology),
                            ControlSettings.from(conf),
                            view,
                            siteLoads(),
                            () -> LinkBandwidths.nominal(topology).with(EDGE, CLOUD, bandwidthMbps),
                            store,
                            topology,
                            System::currentTimeMillis)) {
                warmUp(view);
                start = (System.currentTimeMillis() / periodMs + 1) * periodMs;
                long settleMs = Math.min(700, periodMs * 3 / 10);
                out.printf(
                        "[%s] measuring %d periods of %d ms, SLO %d ms%n",
                        scenario.policy(), periods, periodMs, scenario.slo().toMillis());
                for (int k = 1; k <= periods; k++) {
                    sleepUntil(start + k * periodMs + settleMs);
                    ControlLoop.Step step = loop.step();
                    configs.put(k, configsAfter(step));
                    double load = os.getSystemLoadAverage();
                    if (load >= 0) {
                        loadAverages.put(k, Math.round(load * 100) / 100.0);
                    }
                    progress(k, start + k * periodMs, step);
                    for (SchedulerReport.Event e : events) {
                        if (e.afterPeriod() == k) {
                            apply(e, catalog);
                        }
                    }
                }
                restarts = cluster.restarts(job.getJobID().toString());
            } finally {
                job.cancel().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        long end = start + periods * periodMs;
        List<CameraMetricsWindow> windows = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(metricsTopic)) {
            windows.add(MetricsJson.decode(r.value()));
        }
        Map<String, List<SceneAlignment.Analysed>> results =
                results(readAll(resultsTopic), start, end);
        return report(profile, events, configs, loadAverages, windows, results, start, restarts);
    }

    private StreamExecutionEnvironment pipeline(
            String policyTopic, String metricsTopic, String resultsTopic, Path catalog)
            throws InterruptedException {
        StreamExecutionEnvironment env = cluster.newEnvironment(null);
        CameraSource source =
                CameraSource.builder()
                        .setCatalog(catalog)
                        .setAreas(List.of(AREA))
                        .setDiscoveryInterval(Duration.ofMillis(500))
                        .setPolicyKafka(kafka)
                        .setPolicyTopic(policyTopic)
                        .setJpegQuality(scenario.jpegQuality())
                        .build();
        DataStream<Frame> frames =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "cameras@" + EDGE);
        OffloadRouter.Routed routed =
                OffloadRouter.builder()
                        .setLocalSite(EDGE)
                        .setTargetSites(List.of(CLOUD))
                        .build()
                        .route(frames, PolicyChanges.stream(env, kafka, policyTopic));
        // Each analysis is a task of its own, as at a site of its own: chained to the link, the
        // link's queue would also hold the frames the CPU has not got to, and no backpressure
        // would reach the cameras, which skip frames when they fall behind, as live cameras do.
        DataStream<EdgeRecord<FrameAnalysis>> atEdge =
                routed.local()
                        .map(
                                new AnalyseFrames(
                                        EDGE, scenario.model(), scenario.platesPerFrame()),
                                AnalyseFrames.OUTPUT)
                        .name("analyse@" + EDGE)
                        .disableChaining();
        DataStream<Frame> overLink =
                EmulatedLink.builder(LINK)
                        .setConditions(
                                new LinkConditions(
                                        scenario.bandwidthBeforeMbps(), scenario.linkLatencyMs()))
                        .setQueueLimitBytes(scenario.linkQueueBytes())
                        .build()
                        .apply(routed.offloadedTo(CLOUD), RecordSize.frames());
        DataStream<EdgeRecord<FrameAnalysis>> atCloud =
                overLink.map(
                                new AnalyseFrames(
                                        CLOUD, scenario.model(), scenario.platesPerFrame()),
                                AnalyseFrames.OUTPUT)
                        .name("analyse@" + CLOUD)
                        .disableChaining();
        DataStream<EdgeRecord<FrameAnalysis>> results = atEdge.union(atCloud);
        PipelineMetrics.<EdgeRecord<FrameAnalysis>>builder()
                .setKafka(kafka)
                .setTopic(metricsTopic)
                .setPeriod(scenario.period())
                .build()
                .attachTo(results);
        results.sinkTo(ResultSinks.kafkaJson(kafka, resultsTopic)).name("results:" + resultsTopic);
        return env;
    }

    /** Every camera starts at the best configuration, all its frames processed in the cloud. */
    private CameraPolicy initialPolicy(String camera) {
        VideoConfig best = scenario.best();
        return CameraPolicy.of(camera, best.fps(), best.width(), best.height())
                .withOffload(new CameraPolicy.Offload(CLOUD, 1.0))
                .withVersion(1);
    }

    /** The scheduler options the benchmark sets itself, from its scenario. */
    public static final Set<String> OWN_OPTIONS =
            Set.of(
                    ControlOptions.POLICY.key(),
                    ControlOptions.SLO.key(),
                    ControlOptions.PERIOD.key(),
                    ControlOptions.BOOTSTRAP_SERVERS.key(),
                    ControlOptions.METRICS_TOPIC.key(),
                    ControlOptions.POLICY_TOPIC.key(),
                    ControlOptions.MAX_WIDTH.key(),
                    ControlOptions.MAX_HEIGHT.key(),
                    ControlOptions.MAX_FPS.key(),
                    ControlOptions.FEEDBACK_MIN_FPS.key(),
                    ControlOptions.PROFILE_FILE.key());

    private Configuration controlConfiguration(
            String policyTopic, String metricsTopic, Path profileFile) {
        Configuration conf = new Configuration();
        scenario.schedulerOptions().forEach(conf::setString);
        conf.set(ControlOptions.POLICY, scenario.policy());
        conf.set(ControlOptions.SLO, scenario.slo());
        conf.set(ControlOptions.PERIOD, scenario.period());
        conf.set(ControlOptions.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        conf.set(ControlOptions.METRICS_TOPIC, metricsTopic);
        conf.set(ControlOptions.POLICY_TOPIC, policyTopic);
        conf.set(ControlOptions.MAX_WIDTH, scenario.best().width());
        conf.set(ControlOptions.MAX_HEIGHT, scenario.best().height());
        conf.set(ControlOptions.MAX_FPS, scenario.best().fps());
        conf.set(ControlOptions.FEEDBACK_MIN_FPS, scenario.minFps());
        conf.set(ControlOptions.PROFILE_FILE, profileFile.toString());
        return conf;
    }

    /** The cloud and the cameras' edge site, each with this machine's cores (they share them). */
    private Topology topology() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Topology.of(
                List.of(
                        new Site(CLOUD, Tier.CLOUD, null, CLOUD_LOCATION, 4, cores),
                        new Site(EDGE, Tier.EDGE, CLOUD, EDGE_LOCATION, 4, cores)),
                List.of(
                        new Link(
                                CLOUD,
                                EDGE,
                                scenario.linkLatencyMs(),
                                scenario.bandwidthBeforeMbps())));
    }

    /** Both sites run in this JVM: each site's load is the process's CPU load. */
    private SiteLoadSource siteLoads() {
        return () -> {
            double load = os.getProcessCpuLoad();
            return load < 0 ? Map.of() : Map.of(EDGE, load, CLOUD, load);
        };
    }

    private List<SchedulerReport.Event> events() {
        List<SchedulerReport.Event> events = new ArrayList<>();
        events.add(
                new SchedulerReport.Event(
                        "load-step",
                        scenario.periodBefore(scenario.loadStepAt()),
                        "cameras " + scenario.camerasBefore() + " → " + scenario.camerasAfter()));
        events.add(
                new SchedulerReport.Event(
                        "bandwidth-drop",
                        scenario.periodBefore(scenario.bandwidthDropAt()),
                        String.format(
                                Locale.ROOT,
                                "%s %.0f → %.0f Mbit/s",
                                LINK,
                                scenario.bandwidthBeforeMbps(),
                                scenario.bandwidthAfterMbps())));
        events.sort((a, b) -> Integer.compare(a.afterPeriod(), b.afterPeriod()));
        return events;
    }

    private void apply(SchedulerReport.Event event, Path catalog) throws IOException {
        if (event.name().equals("load-step")) {
            writeCatalog(catalog, scenario.camerasAfter());
        } else {
            bandwidthMbps = scenario.bandwidthAfterMbps();
            EmulatedLinks.set(LINK, new LinkConditions(bandwidthMbps, scenario.linkLatencyMs()));
        }
        out.printf("[%s] %s: %s%n", scenario.policy(), event.name(), event.description());
        out.flush();
    }

    /** The cameras' catalog, written whole and then moved so the source never reads half. */
    private void writeCatalog(Path file, int cameras) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        VideoConfig best = scenario.best();
        for (int i = 1; i <= cameras; i++) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("kind", "SYNTHETIC");
            spec.put("seed", seed(i));
            spec.put("fps", scenario.nativeFps());
            spec.put("width", best.width());
            spec.put("height", best.height());
            list.add(
                    Map.of(
                            "id",
                            camera(i),
                            "location",
                            Map.of(
                                    "lat",
                                    EDGE_LOCATION.lat() + 0.001 * i,
                                    "lon",
                                    EDGE_LOCATION.lon() + 0.001 * i),
                            "spec",
                            spec));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), Map.of("cameras", list));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits for results of every starting camera (models loaded), then the warm-up. */
    private void warmUp(MetricsView view) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WARM_UP_LIMIT.toMillis();
        out.printf("[%s] warming up: job starting, models loading%n", scenario.policy());
        out.flush();
        while (view.latest().values().stream().filter(CameraMetricsWindow::hasFrames).count()
                < scenario.camerasBefore()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(
                        "no results from all "
                                + scenario.camerasBefore()
                                + " cameras within "
                                + WARM_UP_LIMIT
                                + "; the pipeline does not run");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        sleepUntil(System.currentTimeMillis() + scenario.warmUp().toMillis());
    }

    private static void sleepUntil(long epochMs) throws InterruptedException {
        long left;
        while ((left = epochMs - System.currentTimeMillis()) > 0) {
            TimeUnit.MILLISECONDS.sleep(left);
        }
    }

    private static Map<String, String> configsAfter(ControlLoop.Step step) {
        Map<String, CameraPolicy> now = new TreeMap<>(step.input().policies());
        step.published().forEach(p -> now.put(p.cameraId(), p));
        Map<String, String> out = new TreeMap<>();
        now.forEach((camera, p) -> out.put(camera, describe(p)));
        return out;
    }

    private static String describe(CameraPolicy p) {
        CameraPolicy.Offload o = p.offload();
        return VideoConfig.of(p)
                + (o.fraction() > 0
                        ? String.format(Locale.ROOT, " >%s %.2f", o.targetSite(), o.fraction())
                        : "");
    }

    private void progress(int k, long windowEnd, ControlLoop.Step step) {
        double p95 =
                step.input().metrics().values().stream()
                        .filter(w -> w.windowEndMs() == windowEnd && w.hasFrames())
                        .mapToDouble(CameraMetricsWindow::p95LatencyMs)
                        .max()
                        .orElse(Double.NaN);
        out.printf(
                Locale.ROOT,
                "[%s] period %d/%d: p95 %s, %d camera(s), link %.0f Mbit/s,"
                        + " %d polic%s published%n",
                scenario.policy(),
                k,
                scenario.periods(),
                Double.isNaN(p95) ? "-" : Math.round(p95) + " ms",
                step.input().policies().size(),
                bandwidthMbps,
                step.published().size(),
                step.published().size() == 1 ? "y" : "ies");
        out.flush();
    }

    /** Every record of a one-partition topic, from its start to its current end. */
    /** Every record of the single-partition {@code topic} written so far. */
    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) throws InterruptedException {
        List<ConsumerRecord<byte[], byte[]>> records = new CopyOnWriteArrayList<>();
        try (TopicTail<byte[], byte[]> tail =
                TopicTail.builder(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .clientConfig(kafka)
                        .name("bench-read-" + topic)
                        .partitionCount(1)
                        .onRecord(records::add)
                        .start()) {
            if (!tail.awaitCaughtUp(TIMEOUT)) {
                throw new IllegalStateException(
                        "could not read topic "
                                + topic
                                + " to its end"
                                + " within "
                                + TIMEOUT
                                + (tail.failure() == null ? "" : ": " + tail.failure()));
            }
        }
        return List.copyOf(records);
    }

    /** The analysed frames captured in [start, end), by camera. */
    private static Map<String, List<SceneAlignment.Analysed>> results(
            List<ConsumerRecord<byte[], byte[]>> records, long start, long end) throws IOException {
        Map<String, List<SceneAlignment.Analysed>> byCamera = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            JsonNode node = JSON.readTree(r.value());
            long capture = node.path("eventTimeMs").asLong();
            if (capture < start || capture >= end) {
                continue;
            }
            FrameAnalysis analysis = JSON.treeToValue(node.path("payload"), FrameAnalysis.class);
            byCamera.computeIfAbsent(node.path("sourceId").asText(), c -> new ArrayList<>())
                    .add(new SceneAlignment.Analysed(capture, analysis));
        }
        return byCamera;
    }

    private SchedulerReport report(
            Profile profile,
            List<SchedulerReport.Event> events,
            Map<Integer, Map<String, String>> configs,
            Map<Integer, Double> loadAverages,
            List<CameraMetricsWindow> windows,
            Map<String, List<SceneAlignment.Analysed>> results,
            long start,
            int restarts) {
        long periodMs = scenario.period().toMillis();
        Map<Long, List<CameraMetricsWindow>> byEnd = new HashMap<>();
        windows.forEach(w -> byEnd.computeIfAbsent(w.windowEndMs(), e -> new ArrayList<>()).add(w));
        List<SchedulerReport.Period> periods = new ArrayList<>();
        int violations = 0;
        for (int k = 1; k <= scenario.periods(); k++) {
            List<CameraMetricsWindow> in = byEnd.getOrDefault(start + k * periodMs, List.of());
            List<CameraMetricsWindow> withFrames =
                    in.stream().filter(CameraMetricsWindow::hasFrames).toList();
            Double p95 =
                    withFrames.isEmpty()
                            ? null
                            : withFrames.stream()
                                    .mapToDouble(CameraMetricsWindow::p95LatencyMs)
                                    .max()
                                    .getAsDouble();
            boolean violation = p95 == null || p95 > scenario.slo().toMillis();
            violations += violation ? 1 : 0;
            periods.add(
                    new SchedulerReport.Period(
                            k,
                            k * periodMs / 1000.0,
                            p95 == null ? null : (double) Math.round(p95),
                            withFrames.size(),
                            in.stream().mapToLong(CameraMetricsWindow::frames).sum(),
                            in.stream().mapToLong(CameraMetricsWindow::bytesShipped).sum(),
                            in.stream()
                                    .mapToLong(
                                            w -> w.droppedFrames() == null ? 0 : w.droppedFrames())
                                    .sum(),
                            violation,
                            loadAverages.get(k),
                            configs.getOrDefault(k, Map.of())));
        }
        List<Integer> recovery = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            int after = events.get(i).afterPeriod();
            int limit =
                    i + 1 < events.size() ? events.get(i + 1).afterPeriod() : scenario.periods();
            recovery.add(recovery(periods, after, limit));
        }
        Score frames = Score.ZERO;
        Score timeline = Score.ZERO;
        int unaligned = 0;
        long analysed = 0;
        for (Map.Entry<String, List<SceneAlignment.Analysed>> e : results.entrySet()) {
            int index = Integer.parseInt(e.getKey().substring("cam-".length()));
            SyntheticTrafficScene scene =
                    new SyntheticTrafficScene(
                            seed(index), scenario.best().width(), scenario.best().height());
            SceneAlignment.Result aligned =
                    SceneAlignment.align(scene, scenario.nativeFps(), e.getValue());
            unaligned += aligned.unmatched();
            Timeline line = new Timeline(scene, scenario.nativeFps());
            for (int i = 0; i < aligned.frames().size(); i++) {
                FrameAnalysis a = aligned.frames().get(i).analysis();
                line.answer(aligned.sceneTimesMs().get(i), a.width(), a.height(), a.objects());
            }
            timeline = timeline.plus(line.score(line.lastAnsweredNative()));
            for (SceneAlignment.Analysed f : e.getValue()) {
                frames = frames.plus(Score.of(f.analysis().objects(), f.analysis().truth()));
                analysed++;
            }
        }
        ProfileEntry best = profile.mostAccurate();
        List<ProfileEntry> fitting =
                profile.entries().stream().filter(this::fitsWorstPhase).toList();
        ProfileEntry bestFitting =
                fitting.isEmpty()
                        ? null
                        : new Profile(profile.description(), fitting).mostAccurate();
        double accuracy = round(timeline.f1());
        return new SchedulerReport(
                scenario.policy(),
                scenario.slo().toMillis(),
                periodMs,
                round((double) violations / scenario.periods()),
                recovery,
                accuracy,
                best.accuracy() == 0 ? 0 : round(accuracy / best.accuracy()),
                round(frames.f1()),
                round(frames.plateAccuracy()),
                best.accuracy(),
                best.config().toString(),
                bestFitting == null ? 0 : bestFitting.accuracy(),
                bestFitting == null ? null : bestFitting.config().toString(),
                periods.stream().mapToLong(SchedulerReport.Period::bytes).sum(),
                restarts,
                analysed,
                periods.stream().mapToLong(SchedulerReport.Period::dropped).sum(),
                unaligned,
                events,
                periods);
    }

    /**
     * Periods from the event until the first one under the SLO after the violations it caused (0 if
     * none violated before {@code limit}; null if it never got back before then).
     */
    static Integer recovery(List<SchedulerReport.Period> periods, int after, int limit) {
        Integer firstViolation = null;
        for (int k = after + 1; k <= limit; k++) {
            boolean violation = periods.get(k - 1).violation();
            if (violation && firstViolation == null) {
                firstViolation = k;
            } else if (!violation && firstViolation != null) {
                return k - after;
            }
        }
        return firstViolation == null ? 0 : null;
    }

    /** Whether all cameras in this configuration fit 80 % of the cores and of the low bandwidth. */
    private boolean fitsWorstPhase(ProfileEntry e) {
        int cameras = scenario.camerasAfter();
        return cameras * e.cores() <= FIT_SHARE * Runtime.getRuntime().availableProcessors()
                && cameras * e.bitrateMbps() <= FIT_SHARE * scenario.bandwidthAfterMbps();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

package dev.flinkedge.jobs.demo;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.policy.KafkaPolicyProvider;
import dev.flinkedge.connectors.policy.PolicyPublisher;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.jobs.AttributeRecognitionJob;
import dev.flinkedge.jobs.PlateRecognitionJob;
import dev.flinkedge.jobs.TrafficJobOptions;
import dev.flinkedge.jobs.TrafficStreams;
import dev.flinkedge.jobs.bench.BenchCluster;
import dev.flinkedge.jobs.bench.BenchClusters;
import dev.flinkedge.jobs.bench.ResultArrivals;
import dev.flinkedge.jobs.bench.ResultArrivals.Arrival;
import dev.flinkedge.jobs.cli.CliException;
import dev.flinkedge.jobs.cli.ProjectFiles;
import dev.flinkedge.jobs.traffic.DetectOperator;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.ResultTopics;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.Subscription;
import dev.flinkedge.scheduler.cluster.ClusterSettings;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.KafkaCredentials;
import dev.flinkedge.scheduler.cluster.LocalEdgeCluster;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The one-command demo: starts the local edge cluster, registers cameras, submits x+a (vehicle
 * detection and plate recognition, city A) with {@code bin/flink run}, later x+b (attribute
 * recognition, city B), which finds A's detections in the registry and subscribes instead of
 * detecting again; prints progress, and at the end a summary and a {@link DemoReport}.
 */
public final class EdgeDemo {

    /** Main classes of the two jobs in the job jar. */
    static final String PLATES_JOB = PlateRecognitionJob.class.getName();

    static final String ATTRIBUTES_JOB = AttributeRecognitionJob.class.getName();
    static final String CITY_A = "city-a";
    static final String CITY_B = "city-b";
    static final String VIDEO_STREAM = TrafficJobOptions.CAMERA_STREAM.defaultValue();
    static final String VEHICLE_STREAM = TrafficStreams.VEHICLES;
    static final String PLATES = TrafficJobOptions.RESULTS_PLATES.defaultValue();
    static final String ATTRIBUTES = TrafficJobOptions.RESULTS_ATTRIBUTES.defaultValue();
    static final String PLATES_TOPIC = ResultTopics.topicFor(CITY_A, PLATES);
    static final String ATTRIBUTES_TOPIC = ResultTopics.topicFor(CITY_B, ATTRIBUTES);

    private static final long PROGRESS_MS = 5000;
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(60);
    private static final int SAMPLES_PER_UPDATE = 3;

    /**
     * What to run.
     *
     * @param duration whole run, from x+a's submission
     * @param bAfter when x+b is submitted, after x+a
     * @param cameras synthetic cameras
     * @param fps frames per second of every camera
     * @param video whether the street video is one more camera
     * @param placement whether the jobs place their operators on the topology's sites
     * @param topology the edge topology file
     * @param workDir the demo's directory (cluster, catalog)
     */
    public record Settings(
            Duration duration,
            Duration bAfter,
            int cameras,
            double fps,
            boolean video,
            boolean placement,
            Path topology,
            Path workDir) {
        public Settings {
            if (cameras < 1 || !(fps > 0)) {
                throw new IllegalArgumentException("need at least one camera and fps > 0");
            }
            if (bAfter.compareTo(duration) >= 0) {
                throw new IllegalArgumentException(
                        "x+b starts after "
                                + bAfter
                                + ", which is"
                                + " not before the end (--duration "
                                + duration
                                + ")");
            }
        }
    }

    private final Settings settings;
    private final ProjectFiles files;
    private final PrintWriter out;

    public EdgeDemo(Settings settings, ProjectFiles files, PrintWriter out) {
        this.settings = Objects.requireNonNull(settings);
        this.files = Objects.requireNonNull(files);
        this.out = Objects.requireNonNull(out);
    }

    /** Runs the demo end to end and stops everything it started. */
    public DemoReport run() throws Exception {
        Path video = assets();
        Path jar = files.jobJar();
        Topology topology = TopologyLoader.load(settings.topology());
        forgetEarlierRun();
        say("Starting the local edge cluster (" + settings.topology() + ")");
        ClusterState state =
                LocalEdgeCluster.start(
                        BenchClusters.settings(settings.topology(), settings.workDir())
                                .withSupervision(
                                        new ClusterSettings.Supervision(jar, hostJobArgs())),
                        line -> say("  " + line));
        Thread stopOnInterrupt = new Thread(() -> stopQuietly(state), "demo-stop");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            return runOn(state, topology, jar, video);
        } finally {
            stopQuietly(state);
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
        }
    }

    /**
     * What the supervisor's host jobs need besides the stream: the demo's cameras (whose catalog is
     * written once the cluster is up), policies, model and placement, as the demo's jobs get them.
     */
    private List<String> hostJobArgs() {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--cameras.catalog",
                                catalogFile().toAbsolutePath().toString(),
                                "--cameras.policy-topic",
                                KafkaPolicyProvider.DEFAULT_TOPIC,
                                "--detect.model",
                                files.detectionModel().toAbsolutePath().toString()));
        if (settings.placement()) {
            args.addAll(
                    List.of(
                            "--placement.topology",
                            settings.topology().toAbsolutePath().toString()));
        }
        return args;
    }

    private Path catalogFile() {
        return settings.workDir().resolve("cameras.yaml");
    }

    private DemoReport runOn(ClusterState state, Topology topology, Path jar, Path video)
            throws Exception {
        Map<String, String> tokens = LocalEdgeCluster.tokens(state.tokensFile());
        URI rest = URI.create(state.restUrl());
        BenchCluster flink = new BenchCluster(rest.getHost(), rest.getPort(), () -> 0);
        DemoCameras cameras =
                DemoCameras.around(topology, settings.cameras(), settings.fps(), video);
        Path catalog = cameras.write(catalogFile());
        // Each party logs in to Kafka as itself: the demo plays the scheduler when it sets the
        // cameras' policies, and reads each city's results as that city.
        KafkaClientConfig kafkaA = state.kafkaClientConfig(CITY_A);
        KafkaClientConfig kafkaB = state.kafkaClientConfig(CITY_B);
        publishPolicies(state.kafkaClientConfig(KafkaCredentials.SCHEDULER_USER), cameras);
        StreamTopics.ensure(kafkaA, Map.of(PLATES_TOPIC, 1));
        StreamTopics.ensure(kafkaB, Map.of(ATTRIBUTES_TOPIC, 1));
        FlinkRun flinkRun = new FlinkRun(files.home().resolve("bin/flink"), settings.workDir());
        RegistryClient cityA =
                RegistryClient.builder().url(state.registryUrl()).token(tokens.get(CITY_A)).build();
        Map<String, String> jobIds = new LinkedHashMap<>();
        try (ResultArrivals results =
                new ResultArrivals(Map.of(PLATES_TOPIC, kafkaA, ATTRIBUTES_TOPIC, kafkaB))) {
            say(
                    "Submitting x+a (city-a: detect vehicles, read plates) with "
                            + cameras.ids()
                            + " at "
                            + settings.fps()
                            + " fps");
            long t0 = System.currentTimeMillis();
            jobIds.put(
                    "x+a",
                    submit(
                            flinkRun,
                            jar,
                            PLATES_JOB,
                            CITY_A,
                            tokens,
                            state,
                            catalog,
                            List.of("--job.name", "x+a", "--results.plates", PLATES)));
            cityA.grant(new StreamRef(CITY_A, VIDEO_STREAM), CITY_B);
            cityA.grant(new StreamRef(CITY_A, VEHICLE_STREAM), CITY_B);
            say("city-a granted city-b " + VIDEO_STREAM + " and " + VEHICLE_STREAM);
            int printed = follow(results, flink, jobIds, t0, t0 + settings.bAfter().toMillis(), 0);

            say("Submitting x+b (city-b: vehicle attributes over city-a's cameras)");
            jobIds.put(
                    "x+b",
                    submit(
                            flinkRun,
                            jar,
                            ATTRIBUTES_JOB,
                            CITY_B,
                            tokens,
                            state,
                            catalog,
                            List.of(
                                    "--job.name",
                                    "x+b",
                                    "--cameras.stream",
                                    CITY_A + "/" + VIDEO_STREAM,
                                    "--results.attributes",
                                    ATTRIBUTES)));
            List<String> reused = reusedBy(cityA, CITY_B);
            say(
                    reused.isEmpty()
                            ? "x+b did not subscribe to "
                                    + VEHICLE_STREAM
                                    + " within "
                                    + SUBSCRIBE_WAIT.toSeconds()
                                    + " s: it detects vehicles itself"
                            : "x+b reuses "
                                    + reused
                                    + ": subscribed, no second detector; x+a untouched");
            follow(results, flink, jobIds, t0, t0 + settings.duration().toMillis(), printed);
            return finish(results, flink, jobIds, reused, t0);
        }
    }

    /**
     * Deletes a stopped earlier run's cluster directory (broker data, registry, logs), so that
     * every demo tells the story from the start: an earlier run's streams would still be registered
     * as ACTIVE and x+a would reuse them. A running cluster is left alone; starting then fails and
     * says so.
     */
    private void forgetEarlierRun() throws IOException {
        Path cluster = settings.workDir().resolve("cluster");
        if (Files.isDirectory(cluster) && !Files.exists(cluster.resolve("cluster.json"))) {
            say("Removing the earlier demo run in " + cluster);
            try (Stream<Path> files = Files.walk(cluster)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    /** The street video, fetching models and media first when they are missing. */
    private Path assets() throws IOException, InterruptedException {
        Path model = files.detectionModel();
        Path video = files.media("vtest.avi");
        if (!Files.isRegularFile(model) || (settings.video() && !Files.isRegularFile(video))) {
            say("Fetching the detection model and media (" + files.fetchAssetsScript() + ")");
            Process p =
                    new ProcessBuilder(
                                    files.fetchAssetsScript().toString(), files.assets().toString())
                            .inheritIO()
                            .start();
            p.waitFor();
        }
        if (!Files.isRegularFile(model)) {
            throw new CliException(
                    "the detection model "
                            + model
                            + " is missing and could not"
                            + " be fetched; run bin/fetch-assets and look at its messages");
        }
        if (!settings.video()) {
            return null;
        }
        if (!Files.isRegularFile(video)) {
            say("vtest.avi is not available: running without the video camera");
            return null;
        }
        return video;
    }

    /** Every camera at the demo's rate; synthetic ones at full size, the video as it is. */
    private void publishPolicies(KafkaClientConfig kafka, DemoCameras cameras)
            throws InterruptedException {
        try (PolicyPublisher policies =
                PolicyPublisher.create(
                        kafka, KafkaPolicyProvider.DEFAULT_TOPIC, Duration.ofSeconds(30))) {
            for (String id : cameras.ids()) {
                policies.publish(
                        id.equals(DemoCameras.VIDEO_CAMERA)
                                ? CameraPolicy.of(id, settings.fps(), 768, 576)
                                : CameraPolicy.of(
                                        id, settings.fps(), DemoCameras.WIDTH, DemoCameras.HEIGHT));
            }
        }
    }

    private String submit(
            FlinkRun flinkRun,
            Path jar,
            String mainClass,
            String owner,
            Map<String, String> tokens,
            ClusterState state,
            Path catalog,
            List<String> extra)
            throws IOException, InterruptedException {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--owner", owner,
                                "--registry.url", state.registryUrl(),
                                "--kafka.properties", state.kafkaClientProperties(owner).toString(),
                                "--cameras.catalog", catalog.toAbsolutePath().toString(),
                                "--cameras.policy-topic", KafkaPolicyProvider.DEFAULT_TOPIC,
                                "--detect.model",
                                        files.detectionModel().toAbsolutePath().toString()));
        if (settings.placement()) {
            args.addAll(
                    List.of(
                            "--placement.topology",
                            settings.topology().toAbsolutePath().toString()));
        }
        args.addAll(extra);
        say(
                "  $ "
                        + TrafficJobOptions.TOKEN_ENV
                        + "=<"
                        + owner
                        + "'s token> "
                        + String.join(" ", flinkRun.command(mainClass, jar, args)));
        long start = System.nanoTime();
        String jobId =
                flinkRun.submit(
                        mainClass,
                        jar,
                        args,
                        Map.of(TrafficJobOptions.TOKEN_ENV, tokens.get(owner)));
        say(String.format("  submitted as %s in %.1f s", jobId, (System.nanoTime() - start) / 1e9));
        return jobId;
    }

    /**
     * City A's vehicle stream when {@code subscriber} subscribes to it. A reusing job subscribes
     * once its shared source runs, seconds after submission: waits up to {@link #SUBSCRIBE_WAIT}.
     */
    private static List<String> reusedBy(RegistryClient cityA, String subscriber)
            throws InterruptedException {
        long deadline = System.nanoTime() + SUBSCRIBE_WAIT.toNanos();
        while (true) {
            StreamDescriptor vehicles = cityA.describe(new StreamRef(CITY_A, VEHICLE_STREAM));
            if (vehicles.subscriptions().stream()
                    .map(Subscription::subscriber)
                    .anyMatch(subscriber::equals)) {
                return List.of(vehicles.ref().toString());
            }
            if (System.nanoTime() > deadline) {
                return List.of();
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    /** Prints progress until {@code untilMs}; returns how many results were shown in all. */
    private int follow(
            ResultArrivals results,
            BenchCluster flink,
            Map<String, String> jobIds,
            long t0,
            long untilMs,
            int shown)
            throws InterruptedException {
        int printed = shown;
        long next = System.currentTimeMillis() + PROGRESS_MS;
        while (System.currentTimeMillis() < untilMs) {
            TimeUnit.MILLISECONDS.sleep(
                    Math.max(0, Math.min(next, untilMs) - System.currentTimeMillis()));
            long now = System.currentTimeMillis();
            next = now + PROGRESS_MS;
            List<Arrival> all = results.all();
            StringBuilder line = new StringBuilder(String.format("[%4d s]", (now - t0) / 1000));
            for (Map.Entry<String, String> job : jobIds.entrySet()) {
                line.append(' ')
                        .append(job.getKey())
                        .append(' ')
                        .append(flink.state(job.getValue()));
            }
            line.append(" | ")
                    .append(CITY_A + "/" + PLATES)
                    .append(' ')
                    .append(count(all, PLATES_TOPIC))
                    .append(", ")
                    .append(CITY_B + "/" + ATTRIBUTES)
                    .append(' ')
                    .append(count(all, ATTRIBUTES_TOPIC));
            say(line.toString());
            CameraStats.of(all, now - 10_000, now)
                    .values()
                    .forEach(
                            c ->
                                    say(
                                            String.format(
                                                    "         %-10s %4.1f fps  latency p50 %5d ms  p95 %5d ms",
                                                    c.camera(), c.fps(), c.p50Ms(), c.p95Ms())));
            for (int i = Math.max(printed, all.size() - SAMPLES_PER_UPDATE); i < all.size(); i++) {
                Arrival a = all.get(i);
                say(
                        String.format(
                                "         %-10s %-8s %s",
                                a.topic().equals(PLATES_TOPIC) ? PLATES : ATTRIBUTES,
                                a.sourceId(),
                                abbreviate(a.payload().toString())));
            }
            printed = all.size();
        }
        return printed;
    }

    private DemoReport finish(
            ResultArrivals results,
            BenchCluster flink,
            Map<String, String> jobIds,
            List<String> reused,
            long t0)
            throws Exception {
        long end = System.currentTimeMillis();
        Map<String, String> placement = new LinkedHashMap<>();
        Map<String, Integer> restarts = new LinkedHashMap<>();
        for (Map.Entry<String, String> job : jobIds.entrySet()) {
            restarts.put(job.getKey(), flink.restarts(job.getValue()));
            flink.placement(job.getValue())
                    .forEach(
                            (vertex, tms) ->
                                    placement.put(
                                            job.getKey() + ": " + vertex, String.join(",", tms)));
        }
        // Readers first: a producer cancelled while x+b still subscribes would be re-hosted by
        // the cluster's stream supervisor only to be cancelled again.
        List<String> readersFirst = new ArrayList<>(jobIds.values());
        Collections.reverse(readersFirst);
        for (String jobId : readersFirst) {
            flink.cancel(jobId);
        }
        long detectXa = flink.invocations(jobIds.get("x+a"), DetectOperator.NAME);
        long detectAll = 0;
        for (String jobId : jobIds.values()) {
            detectAll += flink.invocations(jobId, DetectOperator.NAME);
        }
        List<Arrival> all = results.all();
        Map<String, String> topicOf = Map.of("x+a", PLATES_TOPIC, "x+b", ATTRIBUTES_TOPIC);
        List<DemoReport.Job> jobs = new ArrayList<>();
        jobIds.forEach(
                (name, id) ->
                        jobs.add(
                                new DemoReport.Job(
                                        name,
                                        id,
                                        restarts.get(name),
                                        count(all, topicOf.get(name)))));
        List<DemoReport.Camera> cameras =
                CameraStats.of(all, t0, end).values().stream()
                        .map(c -> new DemoReport.Camera(c.camera(), c.fps(), c.p50Ms(), c.p95Ms()))
                        .toList();
        Map<String, Long> byTopic = new LinkedHashMap<>();
        byTopic.put(PLATES_TOPIC, count(all, PLATES_TOPIC));
        byTopic.put(ATTRIBUTES_TOPIC, count(all, ATTRIBUTES_TOPIC));
        return new DemoReport(
                jobs,
                reused,
                detectXa == 0 ? 0 : Math.round(1000.0 * detectAll / detectXa) / 1000.0,
                cameras,
                byTopic,
                placement);
    }

    private static long count(List<Arrival> arrivals, String topic) {
        return arrivals.stream().filter(a -> a.topic().equals(topic)).count();
    }

    private static String abbreviate(String text) {
        return text.length() <= 110 ? text : text.substring(0, 107) + "...";
    }

    private void stopQuietly(ClusterState state) {
        try {
            if (Files.exists(state.workDir().resolve("cluster/cluster.json"))) {
                say("Stopping the cluster");
                LocalEdgeCluster.stop(state, Duration.ofSeconds(20));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            say(
                    "Stopping the cluster failed: "
                            + e.getMessage()
                            + "; run 'bin/flink-edge"
                            + " cluster stop --work-dir "
                            + state.workDir()
                            + "'");
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}

package dev.flinkedge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.jobs.testutil.TagOperatorFactory;
import dev.flinkedge.jobs.testutil.TaggingJob;
import dev.flinkedge.jobs.testutil.TopicRecords;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ResultTopics;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.scheduler.cluster.ClusterPorts;
import dev.flinkedge.scheduler.cluster.ClusterRestClient;
import dev.flinkedge.scheduler.cluster.ClusterSettings;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.InJvmEdgeCluster;
import dev.flinkedge.scheduler.cluster.JobInfo;
import dev.flinkedge.scheduler.cluster.LocalEdgeCluster;
import dev.flinkedge.scheduler.cluster.ProcessRole;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.apache.flink.core.testutils.CommonTestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Issue 12 on the multi-process local edge cluster: city-a's producer job is cancelled through
 * Flink's REST API while city-b's job reads its stream; the stream supervisor that {@code cluster
 * start} runs re-hosts the stream from the job jar, city-b receives records again, at most one
 * producer of the stream runs at any sampled time, and once city-b's job ends the host job is
 * cancelled. The jobs are the deterministic {@link TaggingJob}, added to the packaged job jar with
 * its operator's catalogue entry as a user's own jar would. Runs after {@code package}.
 */
class StreamSupervisorJarIT {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSupervisorJarIT.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final String CITY_A = "city-a";
    private static final String CITY_B = "city-b";
    private static final StreamRef VIDEO = new StreamRef(CITY_A, "VideoStream");
    private static final StreamRef TAGGED = new StreamRef(CITY_A, TaggingJob.STREAM);
    private static final String PRODUCER_NAME = "x+a";
    private static final String B_RESULTS = "supervisor-it-b";
    private static final String FACTORIES =
            "META-INF/services/dev.flinkedge.connectors.api.EdgeOperatorFactory";
    private static final String ONE_SITE =
            """
            sites:
              - id: cloud
                tier: cloud
                location: {lat: 48.1374, lon: 11.5755}
                slots: 4
                cpu: 2
            """;
    private static final String ONE_CAMERA =
            """
            cameras:
              - id: cam-sv
                location: {lat: 48.1374, lon: 11.5755}
                spec: {kind: SYNTHETIC, seed: 7, fps: 10, width: 64, height: 48}
            """;

    /** Flink job states in which a producer's tap may still write. */
    private static final Set<String> WRITING = Set.of("RUNNING", "RESTARTING", "CANCELLING");

    @TempDir Path workDir;

    @Test
    void theClustersSupervisorReHostsAStreamWhoseProducerWasCancelled() throws Exception {
        Path jar = withTestJob(PackagedJobJar.require(), workDir.resolve("supervised-job.jar"));
        Path topologyFile = Files.writeString(workDir.resolve("topology.yaml"), ONE_SITE);
        Path catalog = Files.writeString(workDir.resolve("cameras.yaml"), ONE_CAMERA);
        int[] ports = InJvmEdgeCluster.freePorts(5);
        ClusterSettings settings =
                new ClusterSettings(
                                TopologyLoader.load(topologyFile),
                                topologyFile,
                                workDir,
                                null,
                                new ClusterPorts(ports[0], ports[1], ports[2], ports[3], ports[4]),
                                System.getProperty("java.class.path"),
                                "1024m",
                                "1536m",
                                START_TIMEOUT)
                        .withSupervision(
                                new ClusterSettings.Supervision(
                                        jar, List.of("--cameras.catalog", catalog.toString())));
        ClusterState state = LocalEdgeCluster.start(settings, LOG::info);
        try (TopicRecords results = new TopicRecords(state.kafkaClientConfig(CITY_B))) {
            assertThat(state.processes(ProcessRole.SUPERVISOR)).hasSize(1);
            Map<String, String> tokens = LocalEdgeCluster.tokens(state.tokensFile());
            ClusterRestClient flink =
                    new ClusterRestClient(
                            URI.create(state.restUrl()), URI.create(state.registryUrl()));
            RegistryClient cityA =
                    RegistryClient.builder()
                            .url(state.registryUrl())
                            .token(tokens.get(CITY_A))
                            .build();
            ProducerSampler producers = new ProducerSampler(flink);

            String jarId = flink.uploadJar(jar);
            String xa =
                    flink.runJar(
                            jarId,
                            TaggingJob.class.getName(),
                            jobArgs(state, tokens, catalog, CITY_A, PRODUCER_NAME, VIDEO.name()),
                            null);
            cityA.grant(VIDEO, CITY_B);
            cityA.grant(TAGGED, CITY_B);
            String xb =
                    flink.runJar(
                            jarId,
                            TaggingJob.class.getName(),
                            jobArgs(state, tokens, catalog, CITY_B, "x+b", VIDEO.toString()),
                            null);
            awaitWhileSampling(
                    producers,
                    () -> results.of(ResultTopics.topicFor(CITY_B, B_RESULTS)).size() >= 10,
                    "city-b's job to receive city-a's tagged frames; see the logs under "
                            + settings.clusterDir());
            assertThat(cityA.describe(TAGGED).subscriptions())
                    .as("city-b reads city-a's stream instead of computing its own")
                    .isNotEmpty();

            flink.cancel(xa);
            awaitWhileSampling(
                    producers,
                    () -> hostJobRuns(flink, cityA),
                    "a host job of "
                            + TAGGED
                            + " started by the supervisor; see its log under "
                            + settings.clusterDir().resolve("supervisor"));
            assertThat(flink.jobStatus(xa)).contains("CANCELED");
            int before = results.of(ResultTopics.topicFor(CITY_B, B_RESULTS)).size();
            awaitWhileSampling(
                    producers,
                    () ->
                            results.of(ResultTopics.topicFor(CITY_B, B_RESULTS)).size()
                                    >= before + 10,
                    "city-b's job to receive records from the host job");

            StreamDescriptor hosted = cityA.describe(TAGGED);
            assertThat(hosted.status()).isEqualTo(StreamStatus.ACTIVE);
            assertThat(hosted.producer().name()).isEqualTo("host:" + TAGGED);
            assertThat(flink.jobStatus(xb)).contains("RUNNING");
            assertThat(producers.max())
                    .as("producer jobs of %s writing at once, sampled", TAGGED)
                    .isEqualTo(1);

            String host = hosted.producer().jobId();
            flink.cancel(xb);
            awaitWhileSampling(
                    producers,
                    () -> flink.jobStatus(host).filter("CANCELED"::equals).isPresent(),
                    "the supervisor to cancel host job " + host + " once city-b's job ended");
            awaitWhileSampling(
                    producers,
                    () -> cityA.describe(TAGGED).status() == StreamStatus.ORPHANED,
                    TAGGED + " to turn ORPHANED once its host job was cancelled");
            StreamDescriptor ended = cityA.describe(TAGGED);
            assertThat(ended.lease().jobId()).isEqualTo(host);
            assertThat(ended.lease().expiresAtMs())
                    .as(
                            "the cancelled host job's end released its lease (a release ends it"
                                    + " when the stream turns ORPHANED; a lapsed lease ended"
                                    + " before)")
                    .isEqualTo(ended.updatedAtMs());
        } finally {
            LocalEdgeCluster.stop(state, Duration.ofSeconds(20));
        }
    }

    private static List<String> jobArgs(
            ClusterState state,
            Map<String, String> tokens,
            Path catalog,
            String owner,
            String jobName,
            String cameraStream) {
        return List.of(
                "--owner",
                owner,
                "--registry.url",
                state.registryUrl(),
                "--registry.token",
                tokens.get(owner),
                "--kafka.properties",
                state.kafkaClientProperties(owner).toString(),
                "--cameras.catalog",
                catalog.toString(),
                "--cameras.stream",
                cameraStream,
                "--job.name",
                jobName,
                "--results.plates",
                owner.equals(CITY_B) ? B_RESULTS : "supervisor-it-a");
    }

    /** Whether the registry names a host job as producer of the stream, and that job runs. */
    private static boolean hostJobRuns(ClusterRestClient flink, RegistryClient cityA)
            throws IOException, InterruptedException {
        StreamDescriptor d = cityA.describe(TAGGED);
        Producer p = d.producer();
        return d.status() == StreamStatus.ACTIVE
                && p != null
                && p.isHostJob()
                && flink.jobStatus(p.jobId()).filter("RUNNING"::equals).isPresent();
    }

    /** A condition that may call the cluster. */
    @FunctionalInterface
    private interface Probe {
        boolean holds() throws Exception;
    }

    private static void awaitWhileSampling(ProducerSampler producers, Probe done, String what)
            throws Exception {
        CommonTestUtils.waitUtil(
                () -> {
                    try {
                        producers.sample();
                        return done.holds();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                STEP_TIMEOUT,
                what);
    }

    /** Counts, at each sample, the jobs producing {@link #TAGGED} that may write. */
    private static final class ProducerSampler {
        private final ClusterRestClient flink;
        private int max;

        ProducerSampler(ClusterRestClient flink) {
            this.flink = flink;
        }

        void sample() throws IOException, InterruptedException {
            long writing =
                    flink.jobs().stream()
                            .filter(
                                    j ->
                                            j.name().equals(PRODUCER_NAME)
                                                    || j.name().equals("host:" + TAGGED))
                            .map(JobInfo::state)
                            .filter(WRITING::contains)
                            .count();
            max = Math.max(max, (int) writing);
        }

        int max() {
            return max;
        }
    }

    /**
     * The job jar plus the test job's classes and its operator's catalogue entry, as a user's own
     * job jar would add them.
     */
    private static Path withTestJob(Path jobJar, Path target)
            throws IOException, URISyntaxException {
        Path classes =
                Path.of(
                        TaggingJob.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        String packageDir = TaggingJob.class.getPackageName().replace('.', '/');
        List<String> added =
                List.of(TaggingJob.class.getSimpleName(), TagOperatorFactory.class.getSimpleName());
        try (JarFile in = new JarFile(jobJar.toFile());
                OutputStream file = Files.newOutputStream(target);
                JarOutputStream out = new JarOutputStream(file)) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    if (entry.getName().equals(FACTORIES)) {
                        ByteArrayOutputStream services = new ByteArrayOutputStream();
                        content.transferTo(services);
                        String lines = services.toString(StandardCharsets.UTF_8).strip();
                        out.write(
                                (lines + "\n" + TagOperatorFactory.class.getName() + "\n")
                                        .getBytes(StandardCharsets.UTF_8));
                    } else {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            try (Stream<Path> files = Files.list(classes.resolve(packageDir))) {
                for (Path c :
                        files.filter(
                                        f ->
                                                added.stream()
                                                        .anyMatch(
                                                                n ->
                                                                        f.getFileName()
                                                                                .toString()
                                                                                .startsWith(n)))
                                .toList()) {
                    out.putNextEntry(new JarEntry(packageDir + "/" + c.getFileName()));
                    Files.copy(c, out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }
}

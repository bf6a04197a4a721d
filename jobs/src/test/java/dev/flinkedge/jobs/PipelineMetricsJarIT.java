package dev.flinkedge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.connectors.metrics.MetricsOptions;
import dev.flinkedge.jobs.testutil.SyntheticMetricsJob;
import dev.flinkedge.jobs.testutil.TopicRecords;
import dev.flinkedge.scheduler.cluster.ClusterPorts;
import dev.flinkedge.scheduler.cluster.ClusterSettings;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.InJvmEdgeCluster;
import dev.flinkedge.scheduler.cluster.KafkaCredentials;
import dev.flinkedge.scheduler.cluster.LocalEdgeCluster;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.apache.flink.client.cli.CliFrontend;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.core.testutils.CommonTestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A job built from the packaged job jar that attaches {@code PipelineMetrics} runs on the
 * multi-process local edge cluster and publishes its camera's metrics windows. The cluster gets
 * this test's classpath, from which its Flink processes leave out flink-edge's modules (installed
 * or in the reactor's {@code target} directories) as they do for {@code bin/flink-edge}, so the
 * TaskManager loads flink-edge's classes from the job jar only: a class the metrics code needs but
 * the jar leaves out fails the job there (and no window arrives). Runs after {@code package}.
 */
class PipelineMetricsJarIT {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineMetricsJarIT.class);
    private static final String TOPIC = MetricsOptions.DEFAULT_TOPIC;
    private static final String CAMERA = "cam-jar-it";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String ONE_SITE =
            """
            sites:
              - id: cloud
                tier: cloud
                location: {lat: 48.1374, lon: 11.5755}
                slots: 2
                cpu: 2
            """;

    @TempDir Path workDir;

    @Test
    void publishesMetricsWindowsFromTheJobJarOnTheLocalCluster() throws Exception {
        Path jar = withTestJob(PackagedJobJar.require(), workDir.resolve("metrics-job.jar"));
        Path topologyFile = Files.writeString(workDir.resolve("topology.yaml"), ONE_SITE);
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
                        TIMEOUT);
        assertThat(withFlinkEdgeClasses(settings.flinkClasspath()))
                .as(
                        "entries of the Flink processes' classpath with flink-edge classes, which would"
                                + " hide a class the job jar misses")
                .isEmpty();
        ClusterState state = LocalEdgeCluster.start(settings, LOG::info);
        // The job writes as an owner; only the scheduler's principal may read the metrics.
        try (TopicRecords metrics =
                new TopicRecords(state.kafkaClientConfig(KafkaCredentials.SCHEDULER_USER))) {
            assertThat(
                            flinkRun(
                                    state,
                                    jar,
                                    SyntheticMetricsJob.class.getName(),
                                    state.kafkaClientProperties("city-a").toString(),
                                    TOPIC,
                                    CAMERA))
                    .isZero();

            List<JsonNode> withFrames = new ArrayList<>();
            CommonTestUtils.waitUtil(
                    () -> {
                        withFrames.clear();
                        metrics.of(TOPIC).stream()
                                .filter(w -> w.path("frames").asLong() > 0)
                                .forEach(withFrames::add);
                        return !withFrames.isEmpty();
                    },
                    TIMEOUT,
                    "no metrics window with frames on "
                            + TOPIC
                            + "; see the TaskManager log"
                            + " under "
                            + settings.clusterDir());

            JsonNode window = withFrames.get(0);
            assertThat(window.path("cameraId").asText()).isEqualTo(CAMERA);
            assertThat(window.path("periodMs").asLong()).isEqualTo(1000);
            assertThat(window.path("p50LatencyMs").isNumber()).as(window.toString()).isTrue();
            assertThat(window.path("p95LatencyMs").asDouble())
                    .isGreaterThanOrEqualTo(window.path("p50LatencyMs").asDouble());
        } finally {
            LocalEdgeCluster.stop(state, Duration.ofSeconds(20));
        }
    }

    /** The job jar plus the test job's classes, as a user's own job jar would add its main. */
    private static Path withTestJob(Path jobJar, Path target)
            throws IOException, URISyntaxException {
        Path classes =
                Path.of(
                        SyntheticMetricsJob.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        String packageDir = SyntheticMetricsJob.class.getPackageName().replace('.', '/');
        try (JarFile in = new JarFile(jobJar.toFile());
                OutputStream file = Files.newOutputStream(target);
                JarOutputStream out = new JarOutputStream(file)) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
            try (Stream<Path> files = Files.list(classes.resolve(packageDir))) {
                for (Path c :
                        files.filter(
                                        f ->
                                                f.getFileName()
                                                        .toString()
                                                        .startsWith(
                                                                SyntheticMetricsJob.class
                                                                        .getSimpleName()))
                                .toList()) {
                    out.putNextEntry(new JarEntry(packageDir + "/" + c.getFileName()));
                    Files.copy(c, out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** The entries of {@code classpath} (directories and jars) that hold flink-edge classes. */
    private static List<String> withFlinkEdgeClasses(String classpath) throws IOException {
        List<String> found = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path file = Path.of(entry);
            if (Files.isDirectory(file) && Files.exists(file.resolve("dev/flinkedge"))) {
                found.add(entry);
            } else if (Files.isRegularFile(file) && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(file.toFile())) {
                    if (jar.stream().anyMatch(e -> e.getName().startsWith("dev/flinkedge/"))) {
                        found.add(entry);
                    }
                }
            }
        }
        return found;
    }

    /** {@code flink run -d} against the cluster, as {@code bin/flink run} runs it. */
    private static int flinkRun(ClusterState state, Path jar, String mainClass, String... args)
            throws Exception {
        String confDir = state.flinkConfDir().toString();
        Configuration configuration = GlobalConfiguration.loadConfiguration(confDir);
        CliFrontend frontend =
                new CliFrontend(
                        configuration, CliFrontend.loadCustomCommandLines(configuration, confDir));
        List<String> command =
                new ArrayList<>(List.of("run", "-d", "-c", mainClass, jar.toString()));
        command.addAll(List.of(args));
        return frontend.parseAndRun(command.toArray(String[]::new));
    }
}

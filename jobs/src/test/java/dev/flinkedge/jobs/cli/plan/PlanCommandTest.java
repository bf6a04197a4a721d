package dev.flinkedge.jobs.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flinkedge.connectors.api.EdgeJob;
import dev.flinkedge.jobs.cli.FlinkEdgeCli;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.scheduler.plan.TestCountsJob;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code flink-edge plan} through the CLI, against a real registry: the test job ({@link
 * TestCountsJob}) on the test topology with three cameras.
 */
class PlanCommandTest {

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final String TOPOLOGY =
            "../flink-edge-scheduler/src/test/resources/topology-cameras.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RegistryInstance registry;

    /** The classpath's jobs plus {@link TestCountsJob}, which lists itself only here. */
    private static URLClassLoader jobs;

    @TempDir static Path jobsDir;

    @TempDir Path dir;

    @BeforeAll
    static void startRegistry() throws Exception {
        Path services = Files.createDirectories(jobsDir.resolve("META-INF/services"));
        Files.writeString(
                services.resolve(EdgeJob.class.getName()), TestCountsJob.class.getName() + "\n");
        jobs =
                new URLClassLoader(
                        new URL[] {jobsDir.toUri().toURL()},
                        PlanCommandTest.class.getClassLoader());
        registry = RegistryInstance.start(KAFKA.bootstrapServers(), "_plan");
        RegistryClient alice = registry.client("alice");
        alice.create(
                StreamSpec.builder("Video", StreamType.RAW)
                        .source(SourceSpec.devices(List.of("cam-1", "cam-2", "cam-3")))
                        .build());
        alice.create(
                StreamSpec.builder("West", StreamType.RAW)
                        .source(SourceSpec.devices(List.of("cam-1", "cam-2")))
                        .build());
        alice.grant(new StreamRef("alice", "West"), "bob");
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        registry.close();
        jobs.close();
    }

    /** What one command did. */
    private record Run(int exitCode, String out, String err) {}

    private static Run plan(String owner, String... args) {
        List<String> full =
                new ArrayList<>(
                        List.of(
                                "plan",
                                "--registry",
                                registry.app().uri().toString(),
                                "--token",
                                RegistryInstance.token(owner)));
        full.addAll(Arrays.asList(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FlinkEdgeCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(jobs);
        try {
            int exitCode = cli.execute(full.toArray(String[]::new));
            return new Run(exitCode, out.toString(), err.toString());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void printsEachOperatorsSiteAndReasonAsJsonAndRegistersNothing() throws Exception {
        Run run =
                plan(
                        "alice",
                        "--topology",
                        TOPOLOGY,
                        "--job",
                        "test-counts",
                        "--owner",
                        "alice",
                        "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = JSON.readTree(run.out());
        assertThat(JSON.convertValue(plan.path("placement"), Map.class))
                .isEqualTo(
                        Map.of(
                                "alice/Video@edge-1", "edge-1",
                                "alice/Video@edge-2", "edge-2",
                                "alice/Cars@edge-1", "edge-1",
                                "alice/Cars@edge-2", "edge-2",
                                "sink:alice/Cars@edge-1", "edge-1",
                                "sink:alice/Cars@edge-2", "edge-2",
                                "window@edge-1", "edge-1",
                                "window@edge-2", "edge-2",
                                "alice/Counts", "cloud",
                                "sink:alice/Counts", "cloud"));
        assertThat(plan.path("reasons").path("alice/Video@edge-1").asText())
                .isEqualTo(
                        "source: its devices are attached to cam-1, cam-2; cam-1, cam-2 host no tasks,"
                                + " so at edge-1, the nearest site above with slots");
        assertThat(plan.path("reasons").path("alice/Counts").asText())
                .isEqualTo("keyed: lowest common ancestor of its inputs' sites [edge-1, edge-2]");
        assertThat(plan.path("reasons").path("sink:alice/Counts").asText())
                .isEqualTo("sink: its target site");
        assertThat(registry.client("alice").list("alice", StreamType.DERIVED)).isEmpty();
    }

    @Test
    void printsATableOfOperatorsSitesAndReasons() {
        Run run =
                plan(
                        "bob",
                        "--topology",
                        TOPOLOGY,
                        "--job",
                        "test-counts",
                        "--owner",
                        "bob",
                        "-D",
                        "cameras.stream=alice/West");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Job 'test-counts' as bob on " + TOPOLOGY + ":");
        assertThat(lines.get(1)).startsWith("OPERATOR").contains("SITE", "REASON");
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith("bob/Counts ")
                                        .contains(
                                                " edge-1 ",
                                                "keyed: lowest common ancestor of its inputs' sites"
                                                        + " [edge-1]"));
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line).startsWith("alice/West ").contains(" edge-1 "));
    }

    @Test
    void placesAStreamReusedFromARunningJobAtItsProducersSite() {
        RegistryClient alice = registry.client("alice");
        String video = alice.describe(new StreamRef("alice", "Video")).fingerprint();
        alice.create(
                StreamSpec.builder("RunningCars", StreamType.DERIVED)
                        .lineage(new Lineage(TestCountsJob.detect().ref(), List.of(video)))
                        .payloadType(TestCountsJob.detect().outputType().toString())
                        .build());
        alice.setStatus(
                new StreamRef("alice", "RunningCars"),
                StreamStatus.ACTIVE,
                new Producer("job-1", "edge-2"));
        try {
            Run run =
                    plan(
                            "alice",
                            "--topology",
                            TOPOLOGY,
                            "--job",
                            "test-counts",
                            "--owner",
                            "alice",
                            "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains(
                            "\"alice/RunningCars\":\"edge-2\"",
                            "\"alice/Counts\":\"edge-2\"",
                            "\"sink:alice/Counts\":\"cloud\"")
                    .doesNotContain("alice/Video", "detect");
        } finally {
            alice.delete(new StreamRef("alice", "RunningCars"), true);
        }
    }

    @Test
    void namesTheKnownJobsForAnUnknownOne() {
        Run run = plan("alice", "--topology", TOPOLOGY, "--job", "counts", "--owner", "alice");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("error: no job 'counts'; known jobs: ")
                .contains("test-counts", "vehicle-count");
    }

    @Test
    void reportsABrokenTopologyAndCamerasItLacks() throws Exception {
        Path broken =
                Files.writeString(
                        dir.resolve("broken.yaml"),
                        "sites: [{id: cloud, tier: cloud, location: {lat: 1, lon: 2}, slots: 1,"
                                + " cpu: 1, colour: red}]\n");
        Run brokenRun =
                plan(
                        "alice",
                        "--topology",
                        broken.toString(),
                        "--job",
                        "test-counts",
                        "--owner",
                        "alice");
        Run noCameras =
                plan(
                        "alice",
                        "--topology",
                        "../conf/topology-default.yaml",
                        "--job",
                        "test-counts",
                        "--owner",
                        "alice");

        assertThat(brokenRun.exitCode()).isEqualTo(1);
        assertThat(brokenRun.err()).contains("broken.yaml").contains("colour");
        assertThat(noCameras.exitCode()).isEqualTo(1);
        assertThat(noCameras.err())
                .contains(
                        "cannot place job 'test-counts' on"
                                + " ../conf/topology-default.yaml: device 'cam-1' is not known");
    }

    @Test
    void reportsAStreamTheOwnerCannotRead() {
        Run run =
                plan(
                        "eve",
                        "--topology",
                        TOPOLOGY,
                        "--job",
                        "test-counts",
                        "--owner",
                        "eve",
                        "-D",
                        "cameras.stream=alice/Video");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error 40").contains("alice/Video");
    }
}

package dev.flinkedge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The shaded job jar holds what {@code flink run -c <job>} needs — the jobs, their catalogue
 * entries, the connectors, the ONNX Runtime natives, the OCR models and the benchmarks' stand-in
 * model — and leaves out what the cluster provides (Flink, logging) and what only the CLI uses.
 * Runs after {@code package}.
 */
class JobJarIT {

    private static JarFile jar;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(PackagedJobJar.require().toFile());
    }

    private static List<String> services(String name) throws IOException {
        ZipEntry e = jar.getEntry("META-INF/services/" + name);
        assertThat(e).as("services file " + name).isNotNull();
        return new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    private static boolean has(String entry) {
        return jar.getEntry(entry) != null;
    }

    private static long count(String prefix) {
        return jar.stream().filter(e -> e.getName().startsWith(prefix)).count();
    }

    @Test
    void holdsTheJobsAndListsThemAsServices() throws IOException {
        List<String> jobs = services("dev.flinkedge.connectors.api.EdgeJob");
        assertThat(jobs)
                .containsExactlyInAnyOrder(
                        "dev.flinkedge.jobs.VehicleDetectionJob",
                        "dev.flinkedge.jobs.PlateRecognitionJob",
                        "dev.flinkedge.jobs.AttributeRecognitionJob",
                        "dev.flinkedge.jobs.VehicleCountJob",
                        "dev.flinkedge.jobs.AreaTrafficJob");
        assertThat(jobs).allMatch(c -> has(c.replace('.', '/') + ".class"));
        List<String> factories = services("dev.flinkedge.connectors.api.EdgeOperatorFactory");
        // The seven traffic operators, and the fault suite's relay that its host jobs recompute.
        assertThat(factories)
                .hasSize(8)
                .contains("dev.flinkedge.jobs.bench.workload.FaultRelay")
                .allMatch(c -> has(c.replace('.', '/') + ".class"));
        // The stream supervisor runs this main through Flink's REST API to re-host an orphaned
        // stream with the catalogue's operators above.
        assertThat(has("dev/flinkedge/jobs/HostJob.class")).isTrue();
        assertThat(has("dev/flinkedge/connectors/runtime/HostJobs.class")).isTrue();
        assertThat(services("ai.djl.engine.EngineProvider"))
                .contains("ai.djl.onnxruntime.engine.OrtEngineProvider");
        // EdgeStreams finds its Flink translation through this service file; without it every
        // packaged job fails at its first derive.
        assertThat(services("dev.flinkedge.connectors.api.PipelineBuilderFactory"))
                .containsExactly("dev.flinkedge.connectors.pipeline.FlinkPipelineFactory")
                .allMatch(c -> has(c.replace('.', '/') + ".class"));
    }

    @Test
    void holdsTheConnectorsModelsAndNatives() {
        assertThat(has("dev/flinkedge/connectors/api/EdgeStreams.class")).isTrue();
        assertThat(has("dev/flinkedge/registry/client/RegistryClient.class")).isTrue();
        assertThat(has("dev/flinkedge/connectors/metrics/Percentiles.class")).isTrue();
        assertThat(has("dev/flinkedge/scheduler/pinning/TopologyPlacement.class")).isTrue();
        assertThat(has("dev/flinkedge/scheduler/topology/TopologyLoader.class")).isTrue();
        assertThat(has("org/apache/flink/connector/kafka/sink/KafkaSink.class")).isTrue();
        assertThat(has("org/apache/kafka/clients/producer/KafkaProducer.class")).isTrue();
        assertThat(has("models/ch_PP-OCRv4_det_infer.onnx")).isTrue();
        assertThat(has("models/ch_PP-OCRv4_rec_infer.onnx")).isTrue();
        assertThat(has("models/ppocr_keys_v1.txt")).isTrue();
        assertThat(has("ai/onnxruntime/native/linux-x64/libonnxruntime.so")).isTrue();
    }

    @Test
    void holdsTheBenchmarksStandInModelForTheEdgeCluster() {
        // The sharing benchmark on the edge cluster ships only this jar to the TaskManagers, which
        // have no flink-edge classes of their own.
        assertThat(has("dev/flinkedge/jobs/bench/workload/SyntheticCost.class")).isTrue();
        assertThat(has("dev/flinkedge/jobs/bench/workload/SyntheticResult.class")).isTrue();
        assertThat(has("dev/flinkedge/connectors/operators/SyntheticCost.class")).isFalse();
    }

    @Test
    void leavesOutFlinkLoggingTheCliTheLauncherAndTheFetchedDetector() {
        assertThat(
                        has(
                                "org/apache/flink/streaming/api/environment/"
                                        + "StreamExecutionEnvironment.class"))
                .isFalse();
        assertThat(count("org/apache/flink/runtime/")).isZero();
        assertThat(count("org/apache/flink/api/common/")).isZero();
        assertThat(count("org/apache/flink/configuration/")).isZero();
        assertThat(count("org/apache/logging/log4j/")).isZero();
        assertThat(count("org/slf4j/")).isZero();
        assertThat(count("picocli/")).isZero();
        assertThat(count("dev/flinkedge/jobs/cli/")).isZero();
        assertThat(
                        jar.stream()
                                .map(ZipEntry::getName)
                                .filter(n -> n.startsWith("dev/flinkedge/jobs/bench/"))
                                .filter(n -> !n.endsWith("/")))
                .as("benchmark classes, of which only the stand-in model belongs here")
                .isNotEmpty()
                .allMatch(n -> n.startsWith("dev/flinkedge/jobs/bench/workload/"));
        assertThat(count("dev/flinkedge/jobs/demo/")).isZero();
        assertThat(count("dev/flinkedge/scheduler/cluster/")).isZero();
        assertThat(count("dev/flinkedge/scheduler/control/")).isZero();
        assertThat(has("META-INF/services/dev.flinkedge.jobs.cli.FlinkEdgeCommand")).isFalse();
        assertThat(count("ai/onnxruntime/native/win-")).isZero();
        assertThat(jar.stream().map(ZipEntry::getName)).noneMatch(n -> n.endsWith("yolov8n.onnx"));
    }
}

package dev.flinkedge.scheduler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The module openings and classpath exclusions of Flink processes: one list each, read alike by
 * Java and by the bin scripts.
 */
class FlinkProcessRulesTest {

    private static final Path ROOT = Path.of("..");
    private static final Path RULES =
            ROOT.resolve("flink-edge-scheduler/src/main/resources/dev/flinkedge/scheduler/cluster");

    /** Classpath entries a Flink distribution's lib/ has too. */
    private static final List<String> FLINKS_OWN =
            List.of(
                    "/m2/org/apache/flink/flink-runtime/2.2.1/flink-runtime-2.2.1.jar",
                    "/m2/org/apache/flink/flink-connector-base/2.2.1/flink-connector-base-2.2.1.jar",
                    "/m2/org/apache/kafka/kafka-clients/4.2.0/kafka-clients-4.2.0.jar");

    /**
     * Entries jobs bring in their jars: the Kafka connector and flink-edge's modules, installed or
     * as a reactor build leaves them (what bin/flink-edge's classpath holds after its build).
     */
    private static final List<String> JOBS_OWN =
            List.of(
                    "/m2/org/apache/flink/flink-connector-kafka/5.0.0-2.2/"
                            + "flink-connector-kafka-5.0.0-2.2.jar",
                    "/m2/dev/flinkedge/flink-edge-connectors/0.1.0-SNAPSHOT/"
                            + "flink-edge-connectors-0.1.0-SNAPSHOT.jar",
                    "/src/flink-edge/jobs/target/classes",
                    "/src/flink-edge/jobs/target/test-classes",
                    "/src/flink-edge/shared-stream-registry/target/"
                            + "shared-stream-registry-0.1.0-SNAPSHOT.jar",
                    "/src/flink-edge/flink-edge-connectors/target/"
                            + "flink-edge-connectors-0.1.0-SNAPSHOT.jar",
                    "/src/flink-edge/flink-edge-connectors/target/"
                            + "flink-edge-connectors-0.1.0-SNAPSHOT-tests.jar",
                    "/src/flink-edge/flink-edge-scheduler/target/"
                            + "flink-edge-scheduler-0.1.0-SNAPSHOT.jar",
                    "/src/flink-edge/jobs/target/flink-edge-jobs-0.1.0-SNAPSHOT.jar");

    @Test
    void flinkJvmsGetFlinkDistsModuleOpenings() {
        assertThat(FlinkProcessRules.MODULE_OPENINGS)
                .hasSize(15)
                .startsWith("--add-exports=java.base/sun.net.util=ALL-UNNAMED")
                .contains("--add-opens=java.base/java.util=ALL-UNNAMED")
                .allMatch(o -> o.startsWith("--add-opens=") || o.startsWith("--add-exports="));
    }

    @Test
    void flinkProcessesGetNeitherTheKafkaConnectorNorFlinkEdgesModules() {
        assertThat(JOBS_OWN.stream().filter(e -> !FlinkProcessRules.isExcludedFromFlink(e)))
                .as("entries Flink processes would get although jobs bring them")
                .isEmpty();
        assertThat(FLINKS_OWN.stream().filter(FlinkProcessRules::isExcludedFromFlink))
                .as("entries of Flink's own that Flink processes would not get")
                .isEmpty();
    }

    @Test
    void binFlinkExcludesTheSameEntriesAsJava() throws Exception {
        for (String entry : JOBS_OWN) {
            assertThat(excludedByBash(entry)).as(entry).isTrue();
        }
        for (String entry : FLINKS_OWN) {
            assertThat(excludedByBash(entry)).as(entry).isFalse();
        }
    }

    @Test
    void theBinScriptsReadTheListsInsteadOfRepeatingThem() throws IOException {
        String flink = Files.readString(ROOT.resolve("bin/flink"), StandardCharsets.UTF_8);
        String flinkEdge = Files.readString(ROOT.resolve("bin/flink-edge"), StandardCharsets.UTF_8);

        assertThat(flink)
                .contains("rule_lines flink-jvm-options.txt")
                .contains("rule_lines flink-classpath-exclusions.txt")
                .doesNotContain("--add-opens")
                .doesNotContain("*/flink-connector-kafka*");
        assertThat(flinkEdge)
                .contains("rule_lines flink-jvm-options.txt")
                .doesNotContain("--add-opens");
    }

    /** The test {@code bin/flink} applies to each classpath entry, run by bash. */
    private static boolean excludedByBash(String entry) throws Exception {
        String script =
                "mapfile -t excluded < <(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$'"
                        + " \"$1\"); for p in \"${excluded[@]}\"; do [[ \"$2\" == $p ]] && exit 0; done;"
                        + " exit 1";
        Process bash =
                new ProcessBuilder(
                                "bash",
                                "-c",
                                script,
                                "bash",
                                RULES.resolve("flink-classpath-exclusions.txt").toString(),
                                entry)
                        .redirectErrorStream(true)
                        .start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("bash ends").isTrue();
        return bash.exitValue() == 0;
    }
}

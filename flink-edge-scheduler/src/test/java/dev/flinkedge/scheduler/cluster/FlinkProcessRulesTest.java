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

    private static final List<String> ENTRIES =
            List.of(
                    "/m2/org/apache/flink/flink-runtime/2.2.1/flink-runtime-2.2.1.jar",
                    "/m2/org/apache/flink/flink-connector-kafka/5.0.0-2.2/"
                            + "flink-connector-kafka-5.0.0-2.2.jar",
                    "/m2/org/apache/flink/flink-connector-base/2.2.1/flink-connector-base-2.2.1.jar",
                    "/m2/dev/flinkedge/flink-edge-connectors/0.1.0-SNAPSHOT/flink-edge-connectors.jar",
                    "/src/flink-edge/jobs/target/classes",
                    "/src/flink-edge/jobs/target/test-classes",
                    "/m2/org/apache/kafka/kafka-clients/4.2.0/kafka-clients-4.2.0.jar");

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
        assertThat(ENTRIES.stream().filter(FlinkProcessRules::isExcludedFromFlink))
                .containsExactly(ENTRIES.get(1), ENTRIES.get(3), ENTRIES.get(4), ENTRIES.get(5));
    }

    @Test
    void binFlinkExcludesTheSameEntriesAsJava() throws Exception {
        for (String entry : ENTRIES) {
            assertThat(excludedByBash(entry))
                    .as(entry)
                    .isEqualTo(FlinkProcessRules.isExcludedFromFlink(entry));
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

package dev.flinkedge.jobs.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.jobs.cli.CliRun;
import dev.flinkedge.registry.json.RegistryJson;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a small {@code bench registry}; checks the report's shape, never the speed. */
class BenchCommandITCase {

    @Test
    void reportsBothModesWithPositiveNumbers() throws Exception {
        Path report = Path.of("target", "x.json");
        Files.deleteIfExists(report);
        CliRun run =
                CliRun.of(
                        "bench",
                        "registry",
                        "--streams",
                        "300",
                        "--threads",
                        "4",
                        "--lookups",
                        "300",
                        "--report",
                        report.toString(),
                        "--work-dir",
                        "target/bench-it");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("[in-process] created 300/300 (100%)")
                .contains("[http] resolved 300/300 (100%)")
                .containsPattern("MODE +STREAMS +THREADS +CREATES/S +RESOLVE P50 MS");

        JsonNode json = RegistryJson.LENIENT.readTree(report.toFile());
        assertThat(json.fieldNames()).toIterable().containsExactly("in-process", "http");
        for (JsonNode mode : json) {
            assertThat(mode.get("creates_per_s").asDouble()).isPositive();
            assertThat(mode.get("resolve_p50_ms").asDouble()).isPositive();
            assertThat(mode.get("resolve_p99_ms").asDouble())
                    .isGreaterThanOrEqualTo(mode.get("resolve_p50_ms").asDouble());
            assertThat(mode.get("streams").asInt()).isEqualTo(300);
            assertThat(mode.get("threads").asInt()).isEqualTo(4);
        }
    }

    @Test
    void benchRejectsNonPositiveSizes() {
        CliRun run = CliRun.of("bench", "registry", "--streams", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("--streams 0 must be at least 1");
    }
}

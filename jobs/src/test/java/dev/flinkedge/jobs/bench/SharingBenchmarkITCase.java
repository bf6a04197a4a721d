package dev.flinkedge.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * A short run of every sharing mode on the in-process environment: checks that each mode does what
 * it claims (who detects, who restarts), not how fast it is.
 */
class SharingBenchmarkITCase {

    @Test
    void everyModeMeasuresWhatItClaims(@TempDir Path work) throws Exception {
        SharingBenchmark.Config config =
                new SharingBenchmark.Config(
                        2, 5, Duration.ofSeconds(14), Duration.ofSeconds(6), Duration.ofSeconds(2));
        StringWriter progress = new StringWriter();
        Map<SharingMode, SharingReport> reports = new EnumMap<>(SharingMode.class);
        try (LocalBenchEnvironment env = LocalBenchEnvironment.start(work, 8)) {
            Files.createDirectories(work.resolve("savepoints"));
            SharingBenchmark bench =
                    new SharingBenchmark(
                            config,
                            env.services(),
                            env.cluster(),
                            new SyntheticWorkload(Duration.ofMillis(2)),
                            work.resolve("savepoints"),
                            new PrintWriter(progress, true));
            for (SharingMode mode : SharingMode.values()) {
                reports.put(mode, bench.run(mode));
            }
        }
        SharingReport reuse = reports.get(SharingMode.REUSE);
        SharingReport recompute = reports.get(SharingMode.RECOMPUTE);
        SharingReport restart = reports.get(SharingMode.RESTART);
        SharingReport kafka = reports.get(SharingMode.KAFKA);

        assertThat(progress.toString()).contains("b reuses [city-a/Cars-reuse");
        assertThat(reuse.framesIn()).isGreaterThan(50);
        // One detection per frame; frames still in flight when the jobs are cancelled were detected
        // but yield no result, which on a 14 s run under load can add a few percent.
        assertThat(reuse.invocationsPerFrame()).isBetween(0.95, 1.2);
        assertThat(kafka.invocationsPerFrame()).isBetween(0.95, 1.2);
        // b's own detector runs from t1 on: about (14 - 6) / 14 more runs per frame.
        assertThat(recompute.invocationsPerFrame()).isGreaterThan(1.3);
        for (SharingReport r : reports.values()) {
            assertThat(r.xbFirstResultS()).as(r.mode()).isBetween(0.0, 8.0);
            assertThat(r.cpuSeconds()).as(r.mode()).isPositive();
            assertThat(r.xaLatencyMs().t0P50()).as(r.mode()).isPositive();
            assertThat(r.xaLatencyMs().t1P50())
                    .as(r.mode() + ": x+a results after t1")
                    .isPositive();
        }
        assertThat(reuse.xaRestarts()).isZero();
        assertThat(recompute.xaRestarts()).isZero();
        assertThat(restart.xaRestarts()).isEqualTo(1);
        // After the restart x+a's results keep coming (a pause, not an end).
        assertThat(restart.framesIn()).isGreaterThan(reuse.framesIn() * 6 / 10);
    }
}

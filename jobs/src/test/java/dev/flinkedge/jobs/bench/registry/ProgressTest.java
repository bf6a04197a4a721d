package dev.flinkedge.jobs.bench.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

class ProgressTest {

    @Test
    void printsEachTenthOnce() {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), "created", 20);
        for (int i = 0; i < 20; i++) {
            progress.tick();
        }
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("  created 2/20 (10%), ");
        assertThat(lines.get(9)).startsWith("  created 20/20 (100%), ");
    }

    @Test
    void printsIncreasingCountsFromManyThreads() throws Exception {
        StringWriter text = new StringWriter();
        int total = 100_000;
        Progress progress = new Progress(new PrintWriter(text), "resolved", total);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(
                    () -> {
                        for (int i = 0; i < total / 4; i++) {
                            progress.tick();
                        }
                    });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        List<Integer> counts =
                text.toString()
                        .lines()
                        .map(l -> Integer.parseInt(l.trim().split(" ")[1].split("/")[0]))
                        .toList();
        assertThat(counts)
                .isSorted()
                .doesNotHaveDuplicates()
                .hasSizeBetween(1, 10)
                .last()
                .isEqualTo(total);
    }
}

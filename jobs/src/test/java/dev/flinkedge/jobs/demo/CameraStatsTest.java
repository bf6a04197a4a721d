package dev.flinkedge.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.flinkedge.jobs.bench.ResultArrivals.Arrival;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class CameraStatsTest {

    private static Arrival result(String camera, long captureMs, long arrivalMs) {
        return new Arrival(
                "plates", camera, "k", captureMs, arrivalMs, JsonNodeFactory.instance.objectNode());
    }

    @Test
    void ratesCountFramesWithResultsAndLatenciesCountResults() {
        List<Arrival> arrivals =
                List.of(
                        // Two results of one frame of cam-1, one of another frame.
                        result("cam-1", 1_000, 1_100),
                        result("cam-1", 1_000, 1_300),
                        result("cam-1", 2_000, 2_500),
                        result("cam-2", 1_500, 1_900),
                        // Outside the window.
                        result("cam-2", 9_000, 12_000));

        Map<String, CameraStats> stats = CameraStats.of(arrivals, 0, 10_000);

        assertThat(stats).containsOnlyKeys("cam-1", "cam-2");
        CameraStats cam1 = stats.get("cam-1");
        assertThat(cam1.fps()).isEqualTo(0.2);
        assertThat(cam1.results()).isEqualTo(3);
        assertThat(cam1.p50Ms()).isEqualTo(300);
        assertThat(cam1.p95Ms()).isEqualTo(500);
        assertThat(stats.get("cam-2").results()).isEqualTo(1);
        assertThat(stats.get("cam-2").p50Ms()).isEqualTo(400);
    }
}

package dev.flinkedge.jobs.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;

import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The benchmarks' stand-in model: its CPU cost, its deterministic results, its catalogue entry. */
class SyntheticCostTest {

    @Test
    void burnsItsCostAndTagsTheChainOfOperatorsPerFrame() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<EdgeRecord<SyntheticResult>> detected = new ArrayList<>();
        long before = mx.getCurrentThreadCpuTime();
        new SyntheticCost("detect", Duration.ofMillis(30))
                .process(GeneratedCameras.frame("cam-1", 5, 1_000L), new ListCollector<>(detected));
        long cpuNanos = mx.getCurrentThreadCpuTime() - before;
        List<EdgeRecord<SyntheticResult>> recognised = new ArrayList<>();
        new SyntheticCost("recognise", Duration.ZERO)
                .process(detected.get(0), new ListCollector<>(recognised));

        assertThat(cpuNanos).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
        assertThat(detected).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("cam-1"));
        assertThat(recognised)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.payload())
                                    .isEqualTo(
                                            new SyntheticResult(
                                                    "cam-1", 5, "recognise(detect(cam-1#5))"));
                            assertThat(r.stageTimes().asMap()).containsKeys("detect", "recognise");
                        });
    }

    @Test
    void theCatalogueEntryRecreatesTheOperatorFromItsLineage() {
        SyntheticCost detect = new SyntheticCost("detect", Duration.ofMillis(40));

        EdgeOperator<?, ?> recreated =
                SyntheticCost.factory("detect").create(detect.ref().params());

        assertThat(detect.ref().params()).isEqualTo(Map.of("cost", "40ms"));
        assertThat(recreated).isInstanceOf(SyntheticCost.class);
        assertThat(recreated.ref()).isEqualTo(detect.ref());
    }

    @Test
    void theCatalogueEntryRejectsACostThatIsNotInMilliseconds() {
        assertThatThrownBy(() -> SyntheticCost.factory("detect").create(Map.of("cost", "2s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cost='2s'")
                .hasMessageContaining("milliseconds like '40ms'");
    }
}

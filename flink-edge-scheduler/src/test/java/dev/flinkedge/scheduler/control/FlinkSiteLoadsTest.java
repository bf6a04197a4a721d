package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Site loads from a real JobManager's REST API, for a TaskManager that declares its site. */
class FlinkSiteLoadsTest {

    @Test
    void readsTheCpuLoadOfEachSitesTaskManagers() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.PORT, 0);
        conf.setString("external-resources", "edge-1");
        conf.setString("external-resource.edge-1.amount", "2");
        try (MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(1)
                                .build())) {
            cluster.start();
            URI rest = cluster.getRestAddress().get();
            FlinkSiteLoads loads = new FlinkSiteLoads(rest, Plants.edgeAndCloud().topology());
            AtomicReference<Map<String, Double>> seen = new AtomicReference<>(Map.of());

            // Flink fetches TaskManager metrics asynchronously: the first answers may be empty.
            Wait.until(
                    () -> {
                        seen.set(loads.current());
                        return seen.get().containsKey("edge-1");
                    },
                    Duration.ofSeconds(60),
                    "the CPU load of edge-1's TaskManager");

            assertThat(seen.get()).containsOnlyKeys("edge-1");
            assertThat(seen.get().get("edge-1")).isBetween(0.0, 1.0);
        }
    }

    @Test
    void withoutAJobManagerLoadsAreUnknown() {
        FlinkSiteLoads loads = new FlinkSiteLoads(URI.create("http://127.0.0.1:9"), null);

        assertThat(loads.current()).isEmpty();
    }
}

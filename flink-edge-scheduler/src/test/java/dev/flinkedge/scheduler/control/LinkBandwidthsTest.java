package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.scheduler.topology.Topology;

import org.junit.jupiter.api.Test;

class LinkBandwidthsTest {

    @Test
    void thePathBandwidthIsTheBottleneckOnTheTreePath() {
        Topology t =
                new SimulatedPlant()
                        .site("cloud", null, 8)
                        .site("router", "cloud", 4)
                        .site("ap-1", "router", 2)
                        .site("ap-2", "router", 2)
                        .link("cloud", "router", 1000, 5)
                        .link("router", "ap-1", 100, 2)
                        .link("router", "ap-2", 50, 2)
                        .topology();
        LinkBandwidths nominal = LinkBandwidths.nominal(t);

        assertThat(nominal.pathMbps(t, "ap-1", "cloud")).hasValue(100);
        assertThat(nominal.pathMbps(t, "ap-1", "ap-2")).hasValue(50);
        assertThat(nominal.pathMbps(t, "ap-1", "ap-1")).isEmpty();
        assertThat(nominal.with("cloud", "router", 10).pathMbps(t, "cloud", "ap-2")).hasValue(10);
        assertThat(nominal.mbps("router", "cloud")).hasValue(1000);
    }
}

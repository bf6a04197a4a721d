package dev.flinkedge.connectors.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.StageTimes;

import org.junit.jupiter.api.Test;

class RouteStampTest {

    @Test
    void stageNameRoundTrips() {
        RouteStamp shipped = new RouteStamp("edge-1", "cloud", 153_600, 42);
        RouteStamp local = RouteStamp.local("edge_2", 7);

        assertThat(shipped.stage()).isEqualTo("route:edge-1>cloud:153600:42");
        assertThat(RouteStamp.parse(shipped.stage())).contains(shipped);
        assertThat(RouteStamp.parse(local.stage())).contains(local);
        assertThat(shipped.shipped()).isTrue();
        assertThat(local.shipped()).isFalse();
        assertThat(shipped.link()).isEqualTo("edge-1>cloud");
    }

    @Test
    void otherAndMalformedStagesAreNotStamps() {
        assertThat(RouteStamp.parse("capture")).isEmpty();
        assertThat(RouteStamp.parse("route:edge-1:5:1")).isEmpty();
        assertThat(RouteStamp.parse("route:a>b:x:1")).isEmpty();
        assertThat(RouteStamp.parse("route:a>b:-1:1")).isEmpty();
        assertThat(RouteStamp.parse("route:a>a:5:1")).isEmpty();
    }

    @Test
    void findsAllStampsAndTheLastInStampOrder() {
        StageTimes times =
                StageTimes.empty()
                        .with("capture", 1)
                        .with(new RouteStamp("dev-1", "edge-1", 900, 3).stage(), 2)
                        .with("detect", 3)
                        .with(new RouteStamp("edge-1", "cloud", 800, 3).stage(), 4);

        assertThat(RouteStamp.all(times))
                .extracting(RouteStamp::link)
                .containsExactly("dev-1>edge-1", "edge-1>cloud");
        assertThat(RouteStamp.last(times)).map(RouteStamp::to).contains("cloud");
        assertThat(RouteStamp.last(StageTimes.empty().with("capture", 1))).isEmpty();
    }

    @Test
    void rejectsSeparatorsInSiteIdsAndBytesOnLocalFrames() {
        assertThatThrownBy(() -> new RouteStamp("a:b", "c", 1, 0))
                .hasMessageContaining("'a:b'")
                .hasMessageContaining("':'");
        assertThatThrownBy(() -> new RouteStamp("a", "a", 10, 0))
                .hasMessageContaining("ships 10 bytes");
        assertThatThrownBy(() -> new RouteStamp("a", "b", -1, 0))
                .hasMessageContaining("must be >= 0");
    }
}

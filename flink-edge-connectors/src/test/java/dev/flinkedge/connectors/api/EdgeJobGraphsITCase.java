package dev.flinkedge.connectors.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.source.camera.CatalogCameras;
import dev.flinkedge.connectors.source.camera.DeviceCatalog;
import dev.flinkedge.connectors.testutil.CollectingSink;
import dev.flinkedge.connectors.testutil.EdgeTestEnvironment;
import dev.flinkedge.connectors.testutil.SharingFixture;
import dev.flinkedge.connectors.testutil.Tagged;
import dev.flinkedge.connectors.testutil.TaggingOperator;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sharing jobs — x+a over synthetic cameras, x+b reusing its detections, a windowed count and a
 * LeftUnion — run with {@code pipeline.generic-types: false}: every record type has flink-edge's
 * serializers, none falls back to Flink's generic Kryo path.
 */
class EdgeJobGraphsITCase {

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Order(2)
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(4)
                            .build());

    private static final DeviceCatalog CAMERAS =
            DeviceCatalog.of(
                    List.of(
                            new CameraDevice(
                                    "cam-1",
                                    new GeoPoint(48.137, 11.575),
                                    CameraSpec.synthetic(1, 5, 320, 180)),
                            new CameraDevice(
                                    "cam-2",
                                    new GeoPoint(48.139, 11.580),
                                    CameraSpec.synthetic(2, 5, 320, 180))));

    /** Vehicles per camera per window: a window-style operator. */
    static final class CountPerWindow extends WindowOperator<EdgeRecord<Tagged>, EdgeRecord<Long>> {
        private static final long serialVersionUID = 1L;

        CountPerWindow() {
            super("count", "1", Map.of(), TypeInformation.of(new TypeHint<EdgeRecord<Long>>() {}));
        }

        @Override
        public void process(
                String key,
                long start,
                long end,
                Iterable<EdgeRecord<Tagged>> in,
                Collector<EdgeRecord<Long>> out) {
            long n = 0;
            EdgeRecord<Tagged> last = null;
            for (EdgeRecord<Tagged> r : in) {
                n++;
                last = r;
            }
            out.collect(last.withPayload(n));
        }
    }

    private static EdgeStreams plan(SharingFixture fixture, MiniCluster cluster, String principal) {
        return EdgeStreams.on(
                        EdgeTestEnvironment.create(cluster, new Configuration(), 1),
                        fixture.client(principal),
                        principal)
                .withChannel(fixture.channel(principal))
                .withRawSources(CatalogCameras.of(CAMERAS));
    }

    @Test
    void sharingJobsRunWithoutGenericTypes(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        try (SharingFixture fixture = new SharingFixture(KAFKA.bootstrapServers(), "_graphs")) {
            fixture.client("alice")
                    .create(
                            StreamSpec.builder("Video", StreamType.RAW)
                                    .source(SourceSpec.devices(List.of("cam-1", "cam-2")))
                                    .build());
            fixture.client("alice").grant(new StreamRef("alice", "Video"), "bob");

            EdgeStreams xa = plan(fixture, cluster, "alice");
            EdgeStream<Frame> video = xa.importStream("Video");
            EdgeStream<EdgeRecord<Tagged>> cars =
                    xa.derive("Cars", new TaggingOperator("detect"), video);
            xa.derive("Plates", new TaggingOperator("recognise"), cars)
                    .sinkTo(new CollectingSink<>("graphs-plates"));
            xa.derive("Counts", new CountPerWindow(), cars.fixedWindow(Duration.ofSeconds(1)))
                    .sinkTo(new CollectingSink<>("graphs-counts"));
            xa.leftUnion("NearCam1", new AreaRule(500, List.of("cam-1")), cars, cars)
                    .sinkTo(new CollectingSink<>("graphs-near"));
            JobClient xaJob = xa.execute("x+a");
            fixture.client("alice").grant(new StreamRef("alice", "Cars"), "bob");

            EdgeStreams xb = plan(fixture, cluster, "bob");
            EdgeStream<EdgeRecord<Tagged>> shared =
                    xb.derive(
                            "Cars", new TaggingOperator("detect"), xb.importStream("alice/Video"));
            xb.derive("Attributes", new TaggingOperator("attributes"), shared)
                    .sinkTo(new CollectingSink<>("graphs-attrs"));
            assertThat(xb.reusedStreams()).containsExactly(new StreamRef("alice", "Cars"));
            JobClient xbJob = xb.execute("x+b");

            Wait.until(
                    () ->
                            CollectingSink.received("graphs-attrs").size() >= 5
                                    && CollectingSink.received("graphs-counts").size() >= 2
                                    && CollectingSink.received("graphs-near").size() >= 5,
                    Duration.ofSeconds(60),
                    "results of every kind");
            xbJob.cancel().get();
            xaJob.cancel().get();

            CollectingSink.Arrival<EdgeRecord<Tagged>> plate =
                    CollectingSink.<EdgeRecord<Tagged>>received("graphs-plates").get(0);
            assertThat(plate.value().payload().value).startsWith("recognise(detect(cam-");
            assertThat(plate.value().stageTimes().get("capture")).isPositive();
            assertThat(CollectingSink.<EdgeRecord<Long>>received("graphs-counts"))
                    .allSatisfy(a -> assertThat(a.value().payload()).isBetween(1L, 10L));
            assertThat(CollectingSink.<EdgeRecord<Tagged>>received("graphs-near"))
                    .allSatisfy(a -> assertThat(a.value().key()).isEqualTo("cam-1"));
        }
    }
}

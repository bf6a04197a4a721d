package dev.flinkedge.connectors.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.testutil.CollectingSink;
import dev.flinkedge.connectors.testutil.CollectingSink.Arrival;
import dev.flinkedge.connectors.testutil.SharingFixture;
import dev.flinkedge.connectors.testutil.Tagged;
import dev.flinkedge.connectors.testutil.TaggingOperator;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** LeftUnion groups records by the areas within the rule's radius, on a real runtime. */
class LeftUnionITCase {

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Order(2)
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void recordsJoinEveryAreaWithinTheRadius() throws Exception {
        try (SharingFixture fixture = new SharingFixture(KAFKA.bootstrapServers(), "_leftunion")) {
            // cam-1 and cam-2 stand about 111 m apart.
            fixture.client("alice")
                    .create(
                            StreamSpec.builder("Video", StreamType.RAW)
                                    .source(SourceSpec.devices(List.of("cam-1", "cam-2")))
                                    .build());
            EdgeStreams es = fixture.plan("alice", 10);
            EdgeStream<Frame> video = es.importStream("Video");
            var detections = es.derive("Detections", new TaggingOperator("detect"), video);
            var positions = es.derive("Positions", new TaggingOperator("position"), video);
            List<String> areas = List.of("cam-1");
            EdgeStream<EdgeRecord<Tagged>> near =
                    es.leftUnion("Near", new AreaRule(50, areas), positions, detections);
            EdgeStream<EdgeRecord<Tagged>> wide =
                    es.leftUnion("Wide", new AreaRule(200, areas), positions, detections);
            near.sinkTo(new CollectingSink<>("near"));
            wide.sinkTo(new CollectingSink<>("wide"));
            assertThat(near.descriptor().lineage().operator().params())
                    .containsEntry("radiusCm", "5000")
                    .containsEntry("keys", "cam-1");
            JobClient job = es.execute("left-union");
            Wait.until(
                    () ->
                            cameras("wide").size() == 2
                                    && CollectingSink.received("near").size() >= 10,
                    Duration.ofSeconds(60),
                    "grouped records of both cameras");
            job.cancel().get();

            List<Arrival<EdgeRecord<Tagged>>> nearOut = CollectingSink.received("near");
            assertThat(nearOut)
                    .allSatisfy(
                            a -> {
                                assertThat(a.value().key()).isEqualTo("cam-1");
                                assertThat(a.value().payload().cameraId).isEqualTo("cam-1");
                            });
            assertThat(CollectingSink.<EdgeRecord<Tagged>>received("wide"))
                    .allSatisfy(a -> assertThat(a.value().key()).isEqualTo("cam-1"));
            assertThat(cameras("wide")).containsExactlyInAnyOrder("cam-1", "cam-2");
        }
    }

    private static Set<String> cameras(String sink) {
        return CollectingSink.<EdgeRecord<Tagged>>received(sink).stream()
                .map(a -> a.value().payload().cameraId)
                .collect(Collectors.toSet());
    }
}

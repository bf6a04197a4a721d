package dev.flinkedge.connectors.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.testutil.SharingFixture;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Producer liveness on a real Flink runtime, broker and registry: a running producer renews its
 * production lease from inside the job; cancelling it orphans its stream at once (well before the
 * lease could lapse), and the next job asking for the same computation computes it instead of
 * reusing a stream nobody writes.
 */
class ProducerLivenessITCase {

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

    /** The registry's default production lease; renewals come every third of it. */
    private static final Duration LEASE = Duration.ofSeconds(15);

    private static SharingFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SharingFixture(KAFKA.bootstrapServers(), "_liveness");
        fixture.client("alice")
                .create(
                        StreamSpec.builder("Video", StreamType.RAW)
                                .source(SourceSpec.devices(List.of("cam-1")))
                                .build());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        fixture.close();
    }

    /** Alice's job plan deriving Cars = tag(Video). */
    private static EdgeStream<EdgeRecord<String>> planCars(EdgeStreams job) {
        return job.derive("Cars", new Tag(), job.importStream("Video"));
    }

    @Test
    void aCancelledProducersStreamIsOrphanedAtOnceAndComputedAgainByTheNextJob() throws Exception {
        EdgeStreams first = fixture.plan("alice", 5);
        EdgeStream<EdgeRecord<String>> cars = planCars(first);
        assertThat(cars.kind()).isEqualTo(EdgeStream.Kind.COMPUTED);
        StreamRef ref = cars.descriptor().ref();
        JobClient producer = first.execute("producer");
        String producerId = producer.getJobID().toString();
        Wait.until(
                () -> status(producer) == JobStatus.RUNNING,
                Duration.ofSeconds(60),
                "the producer to run");

        StreamDescriptor active = fixture.client("alice").describe(ref);
        assertThat(active.status()).isEqualTo(StreamStatus.ACTIVE);
        assertThat(active.lease().jobId()).isEqualTo(producerId);
        assertThat(active.isReusableAt(System.currentTimeMillis())).isTrue();
        long grantedUntil = active.lease().expiresAtMs();
        // Nobody renews but the running job: the lease moves past its first expiry.
        Wait.until(
                () -> lease(ref).expiresAtMs() > grantedUntil,
                LEASE,
                "the running producer to renew its lease");
        // While it runs, the next job of the owner reuses the stream.
        assertThat(planCars(fixture.plan("alice", 5)).kind()).isEqualTo(EdgeStream.Kind.SHARED);

        producer.cancel().get();
        long cancelledAt = System.currentTimeMillis();
        Wait.until(
                () -> fixture.client("alice").describe(ref).status() == StreamStatus.ORPHANED,
                LEASE.dividedBy(2),
                "the cancelled producer's stream to turn ORPHANED before its lease could lapse");
        StreamDescriptor orphaned = fixture.client("alice").describe(ref);
        // Released, not lapsed: a release ends the lease when it orphans the stream, whereas the
        // sweep orphans a stream only after its lease has ended.
        assertThat(orphaned.updatedAtMs()).isEqualTo(orphaned.lease().expiresAtMs());
        assertThat(orphaned.lease().jobId()).isEqualTo(producerId);
        assertThat(orphaned.isReusableAt(System.currentTimeMillis())).isFalse();
        assertThat(orphaned.updatedAtMs() - cancelledAt).isLessThan(LEASE.toMillis() / 2);

        EdgeStreams next = fixture.plan("alice", 5);
        EdgeStream<EdgeRecord<String>> again = planCars(next);
        assertThat(again.kind()).isEqualTo(EdgeStream.Kind.COMPUTED);
        assertThat(again.descriptor().ref()).isEqualTo(ref);
        JobClient successor = next.execute("successor");
        try {
            StreamDescriptor taken = fixture.client("alice").describe(ref);
            assertThat(taken.status()).isEqualTo(StreamStatus.ACTIVE);
            assertThat(taken.lease().jobId()).isEqualTo(successor.getJobID().toString());
        } finally {
            successor.cancel().get();
        }
    }

    private static ProductionLease lease(StreamRef ref) {
        return fixture.client("alice").describe(ref).lease();
    }

    private static JobStatus status(JobClient job) {
        try {
            return job.getJobStatus().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the status of " + job.getJobID(), e);
        }
    }

    /** Tags each frame with its camera and sequence number. */
    private static final class Tag extends MapOperator<Frame, EdgeRecord<String>> {
        private static final long serialVersionUID = 1L;

        Tag() {
            super("tag", "1", Map.of(), TypeInformation.of(new TypeHint<EdgeRecord<String>>() {}));
        }

        @Override
        public void process(Frame in, Collector<EdgeRecord<String>> out) {
            out.collect(EdgeRecord.derivedFrom(in, in.cameraId() + "#" + in.sequence()));
        }
    }
}

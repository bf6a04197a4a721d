package dev.flinkedge.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.Frame;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.api.WindowOperator;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.LineageFingerprint;
import dev.flinkedge.registry.model.OperatorRef;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.Subscription;
import dev.flinkedge.registry.model.WindowSpec;
import dev.flinkedge.scheduler.topology.Topology;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class EdgeStreamsGraphTest {

    private static final String AP1_BOX = "POLYGON ((11.48 48.08, 11.52 48.08, 11.52 48.12,"
            + " 11.48 48.12, 11.48 48.08))";

    @Test
    void convertsSourcesMapsWindowsAndUnionsAndPlacesThem() {
        FakeRegistry registry = new FakeRegistry();
        registry.raw("cams", SourceSpec.devices(List.of("d1", "d4")));
        registry.raw("ap1Cams", SourceSpec.areas(List.of(AP1_BOX)));
        EdgeStreams job = job(registry);
        EdgeStream<Frame> cams = job.importStream("cams");
        EdgeStream<Frame> ap1 = job.importStream("ap1Cams");
        EdgeStream<Frame> detected = job.derive("detected", new Detect(), cams);
        EdgeStream<Frame> both = job.union(detected, ap1);
        job.derive("counts", new Count(), both.fixedWindow(Duration.ofSeconds(10)));
        Topology topology = AreaFindingTest.tree();
        DeviceSites devices = AreaFindingTest.devices(topology);

        List<PlanNode> nodes = EdgeStreamsGraph.from(job, devices);
        PlacementPlan plan = new Placer(topology, AreaFinding.build(topology, devices, 8))
                .place(nodes);

        assertThat(nodes).extracting(PlanNode::id, PlanNode::kind).containsExactly(
                tuple("alice/cams", PlanNode.Kind.SOURCE),
                tuple("alice/ap1Cams", PlanNode.Kind.SOURCE),
                tuple("alice/detected", PlanNode.Kind.MAP),
                tuple("union", PlanNode.Kind.UNION),
                tuple("window", PlanNode.Kind.UNION),
                tuple("alice/counts", PlanNode.Kind.KEYED));
        assertThat(nodes.get(1).sourceSites()).containsExactly("ap-1");
        assertThat(plan.placement()).containsEntry("alice/cams@ap-1", "ap-1")
                .containsEntry("alice/cams@ap-2", "ap-2")
                .containsEntry("alice/ap1Cams", "ap-1")
                .containsEntry("alice/detected@ap-2", "ap-2")
                .containsEntry("alice/counts", "router");
    }

    @Test
    void placesASharedStreamAtItsProducersSiteElseAtTheRoot() {
        FakeRegistry registry = new FakeRegistry();
        registry.derived("atAp2", new Producer("job-1", "ap-2"));
        registry.derived("nowhere", new Producer("job-2", null));
        EdgeStreams job = job(registry);
        job.importStream("atAp2");
        job.importStream("nowhere");
        Topology topology = AreaFindingTest.tree();

        List<PlanNode> nodes = EdgeStreamsGraph.from(job, AreaFindingTest.devices(topology));

        assertThat(nodes).extracting(PlanNode::sourceSites)
                .containsExactly(List.of("ap-2"), List.of("cloud"));
    }

    @Test
    void rejectsARawStreamWithAnUnknownDevice() {
        FakeRegistry registry = new FakeRegistry();
        registry.raw("cams", SourceSpec.devices(List.of("d9")));
        EdgeStreams job = job(registry);
        job.importStream("cams");
        Topology topology = AreaFindingTest.tree();

        assertThatThrownBy(() -> EdgeStreamsGraph.from(job, AreaFindingTest.devices(topology)))
                .hasMessageContaining("device 'd9' is not known");
    }

    private static EdgeStreams job(StreamRegistry registry) {
        return EdgeStreams.on(StreamExecutionEnvironment.getExecutionEnvironment(), registry,
                        "alice")
                .withChannel(SharedChannel.of("localhost:9092", "http://localhost:8081", "t"));
    }

    private static final class Detect extends MapOperator<Frame, Frame> {
        Detect() {
            super("detect", "1", Map.of(), TypeInformation.of(Frame.class));
        }

        @Override
        public void process(Frame in, Collector<Frame> out) {
            out.collect(in);
        }
    }

    private static final class Count extends WindowOperator<Frame, Frame> {
        Count() {
            super("count", "1", Map.of(), TypeInformation.of(Frame.class));
        }

        @Override
        public void process(String key, long start, long end, Iterable<Frame> in,
                Collector<Frame> out) {
            in.forEach(out::collect);
        }
    }

    /** Describes the streams it was given; creates derived streams; resolves nothing. */
    private static final class FakeRegistry implements StreamRegistry {
        private final Map<StreamRef, StreamDescriptor> streams = new HashMap<>();

        void raw(String name, SourceSpec source) {
            put(descriptor(name, StreamType.RAW, WindowSpec.none(), null, source, null,
                    LineageFingerprint.ofSource("alice", name)));
        }

        void derived(String name, Producer producer) {
            Lineage lineage = new Lineage(OperatorRef.of("detect", "1"),
                    List.of(LineageFingerprint.ofSource("alice", "cams")));
            put(descriptor(name, StreamType.DERIVED, WindowSpec.none(), lineage, null, producer,
                    LineageFingerprint.ofDerived(lineage, WindowSpec.none(),
                            SerializerFormat.KRYO)));
        }

        private void put(StreamDescriptor d) {
            streams.put(d.ref(), d);
        }

        private static StreamDescriptor descriptor(String name, StreamType type,
                WindowSpec window, Lineage lineage, SourceSpec source, Producer producer,
                String fingerprint) {
            return new StreamDescriptor("alice", name, type, window,
                    SerializerFormat.KRYO, "frame", Guarantee.LIVE, lineage, source, false, 1,
                    producer == null ? StreamStatus.DECLARED : StreamStatus.ACTIVE, producer,
                    StreamDescriptor.topicFor("alice", name), fingerprint, List.of(), List.of(),
                    0, 0);
        }

        @Override
        public String principal() {
            return "alice";
        }

        @Override
        public StreamDescriptor create(StreamSpec spec) {
            StreamDescriptor d = descriptor(spec.name(), spec.type(), spec.window(),
                    spec.lineage(), null, null, LineageFingerprint.ofDerived(spec.lineage(),
                            spec.window(), spec.serializer()));
            put(d);
            return d;
        }

        @Override
        public List<StreamDescriptor> list(String owner, StreamType type) {
            throw new UnsupportedOperationException("list");
        }

        @Override
        public StreamDescriptor describe(StreamRef stream) {
            StreamDescriptor d = streams.get(stream);
            if (d == null) {
                throw Errors.streamNotFound(stream);
            }
            return d;
        }

        @Override
        public List<StreamDescriptor> resolve(String fingerprint) {
            throw Errors.fingerprintNotFound(fingerprint);
        }

        @Override
        public StreamDescriptor grant(StreamRef stream, String grantee) {
            throw new UnsupportedOperationException("grant");
        }

        @Override
        public void revoke(StreamRef stream, String grantee) {
            throw new UnsupportedOperationException("revoke");
        }

        @Override
        public Subscription subscribe(StreamRef stream, String jobId, int leaseSeconds) {
            throw new UnsupportedOperationException("subscribe");
        }

        @Override
        public Subscription renew(StreamRef stream, String subscriptionId) {
            throw new UnsupportedOperationException("renew");
        }

        @Override
        public void unsubscribe(StreamRef stream, String subscriptionId) {
            throw new UnsupportedOperationException("unsubscribe");
        }

        @Override
        public StreamDescriptor setStatus(StreamRef stream, StreamStatus status,
                Producer producer) {
            throw new UnsupportedOperationException("setStatus");
        }

        @Override
        public void delete(StreamRef stream, boolean force) {
            throw new UnsupportedOperationException("delete");
        }
    }
}

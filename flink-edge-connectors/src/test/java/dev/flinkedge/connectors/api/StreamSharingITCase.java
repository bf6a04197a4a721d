package dev.flinkedge.connectors.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.runtime.HostJobs;
import dev.flinkedge.connectors.runtime.JobStatusLookup;
import dev.flinkedge.connectors.runtime.StreamSupervisor;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.connectors.testutil.CollectingSink;
import dev.flinkedge.connectors.testutil.CollectingSink.Arrival;
import dev.flinkedge.connectors.testutil.FixedFrames;
import dev.flinkedge.connectors.testutil.SharingFixture;
import dev.flinkedge.connectors.testutil.Tagged;
import dev.flinkedge.connectors.testutil.TaggingOperator;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicTail;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The heart of the product on a real Flink runtime, a real broker and a real registry: a second job
 * reuses a derived stream a running job produces, found by lineage, without recomputing it and
 * without restarting the producer.
 */
class StreamSharingITCase {

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Order(2)
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(8)
                            .build());

    private static final double FPS = 10;
    private static SharingFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SharingFixture(KAFKA.bootstrapServers(), "_sharing");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        fixture.close();
    }

    private static TaggingOperator detect() {
        return new TaggingOperator("detect");
    }

    private static void rawVideo(String name) {
        fixture.client("alice")
                .create(
                        StreamSpec.builder(name, StreamType.RAW)
                                .source(SourceSpec.devices(List.of("cam-1", "cam-2")))
                                .build());
    }

    /** Submits x+a: camera → detect → recognise → sink {@code sink}. */
    private static JobClient startXa(String video, String cars, String sink) throws Exception {
        EdgeStreams a = fixture.plan("alice", FPS);
        EdgeStream<Frame> frames = a.importStream(video);
        EdgeStream<EdgeRecord<Tagged>> vehicles = a.derive(cars, detect(), frames);
        assertThat(vehicles.kind()).isEqualTo(EdgeStream.Kind.COMPUTED);
        a.derive(cars + "Plates", new TaggingOperator("recognise"), vehicles)
                .sinkTo(new CollectingSink<>(sink));
        JobClient client = a.execute("x+a");
        Wait.until(
                () -> CollectingSink.received(sink).size() >= 20,
                Duration.ofSeconds(60),
                "x+a to produce results");
        return client;
    }

    /** Plans x+b for {@code principal}: camera → detect → attributes → sink. */
    private static EdgeStreams planXb(String principal, String video, String cars, String sink) {
        EdgeStreams b = fixture.plan(principal, FPS);
        EdgeStream<Frame> frames = b.importStream("alice/" + video);
        EdgeStream<EdgeRecord<Tagged>> vehicles = b.derive(cars, detect(), frames);
        b.derive(cars + "Attrs", new TaggingOperator("attributes"), vehicles)
                .sinkTo(new CollectingSink<>(sink));
        return b;
    }

    private static boolean hasVertex(StreamGraph graph, String name) {
        return graph.getStreamNodes().stream()
                .map(StreamNode::getOperatorName)
                .anyMatch(
                        n -> n.equals(name) || n.startsWith(name + " ") || n.contains("cameras:"));
    }

    private static Map<String, TreeSet<Long>> sequences(List<Arrival<EdgeRecord<Tagged>>> in) {
        Map<String, TreeSet<Long>> out = new TreeMap<>();
        for (Arrival<EdgeRecord<Tagged>> a : in) {
            out.computeIfAbsent(a.value().payload().cameraId, k -> new TreeSet<>())
                    .add(a.value().payload().sequence);
        }
        return out;
    }

    @Test
    void aSecondJobReusesTheRunningDetectorWithoutRestartingIt(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        rawVideo("Video1");
        fixture.client("alice").grant(new StreamRef("alice", "Video1"), "bob");
        long detectBefore = TaggingOperator.invocations("detect");
        JobClient xa = startXa("Video1", "Cars1", "xa1");
        fixture.client("alice").grant(new StreamRef("alice", "Cars1"), "bob");

        EdgeStreams b = planXb("bob", "Video1", "Cars1", "xb1");
        assertThat(b.reusedStreams()).containsExactly(new StreamRef("alice", "Cars1"));
        String carsFp =
                fixture.client("bob").describe(new StreamRef("alice", "Cars1")).fingerprint();
        assertThat(
                        fixture.plan("bob", FPS)
                                .importFingerprint(carsFp, TaggingOperator.OUTPUT)
                                .descriptor()
                                .ref())
                .isEqualTo(new StreamRef("alice", "Cars1"));
        assertThat(hasVertex(b.streamGraph("x+b"), "detect"))
                .as("x+b must contain neither detect nor a camera source")
                .isFalse();
        long submitted = System.currentTimeMillis();
        JobClient xb = b.execute("x+b");
        Wait.until(
                () -> !CollectingSink.received("xb1").isEmpty(),
                Duration.ofSeconds(30),
                "x+b's first result");
        long firstResultMs = CollectingSink.<Object>received("xb1").get(0).atMs() - submitted;
        assertThat(firstResultMs).as("b's first result after submission (ms)").isLessThan(5000);
        Wait.until(
                () -> CollectingSink.received("xb1").size() >= 30,
                Duration.ofSeconds(30),
                "x+b to receive 30 results");

        xb.cancel().get();
        xa.cancel().get();
        Wait.until(() -> status(xa) == JobStatus.CANCELED, Duration.ofSeconds(30), "x+a cancel");
        List<Arrival<EdgeRecord<Tagged>>> xaOut = CollectingSink.received("xa1");
        List<Arrival<EdgeRecord<Tagged>>> xbOut = CollectingSink.received("xb1");

        assertThat(SharingFixture.restarts(cluster, xa.getJobID())).isZero();
        // Every frame was detected once, by x+a, across both jobs.
        assertThat(TaggingOperator.invocations("detect") - detectBefore).isEqualTo(xaOut.size());
        // No gap in x+a's output while b joined: contiguous sequence numbers per camera.
        Map<String, TreeSet<Long>> xaSeq = sequences(xaOut);
        assertThat(xaSeq).containsOnlyKeys("cam-1", "cam-2");
        for (TreeSet<Long> seqs : xaSeq.values()) {
            assertThat(seqs.last() - seqs.first() + 1).isEqualTo(seqs.size());
        }
        // b saw results of frames x+a detected, computed as attributes(detect(frame)).
        for (Arrival<EdgeRecord<Tagged>> r : xbOut) {
            Tagged p = r.value().payload();
            assertThat(xaSeq.get(p.cameraId)).contains(p.sequence);
            assertThat(p.value)
                    .isEqualTo("attributes(detect(" + p.cameraId + "#" + p.sequence + "))");
        }
    }

    @Test
    void sharedRecordsEqualWhatTheReaderWouldComputeAloneAndNoGrantMeansOwnCopy() throws Exception {
        rawVideo("Video2");
        fixture.client("alice").grant(new StreamRef("alice", "Video2"), "bob");
        fixture.client("alice").grant(new StreamRef("alice", "Video2"), "eve");
        JobClient xa = startXa("Video2", "Cars2", "xa2");
        fixture.client("alice").grant(new StreamRef("alice", "Cars2"), "bob");
        EdgeStreams shared = planXb("bob", "Video2", "Cars2", "shared2");
        assertThat(shared.reusedStreams()).containsExactly(new StreamRef("alice", "Cars2"));
        JobClient sharedJob = shared.execute("x+b shared");
        Wait.until(
                () -> CollectingSink.received("shared2").size() >= 20,
                Duration.ofSeconds(60),
                "the shared reader to produce 20 results");
        sharedJob.cancel().get();
        xa.cancel().get();
        List<Arrival<EdgeRecord<Tagged>>> viaShare = CollectingSink.received("shared2");

        // The same frames, computed alone by eve, who may read the video but not alice's
        // detections: she gets no match in the registry and computes her own copy.
        List<Frame> frames =
                viaShare.stream()
                        .map(
                                a ->
                                        GeneratedCameras.frame(
                                                a.value().payload().cameraId,
                                                a.value().payload().sequence,
                                                a.value().eventTimeMs()))
                        .toList();
        EdgeStreams alone = fixture.plan("eve", FPS).withRawSources(new FixedFrames(frames));
        EdgeStream<Frame> video = alone.importStream("alice/Video2");
        EdgeStream<EdgeRecord<Tagged>> cars = alone.derive("Cars2", detect(), video);
        alone.derive("Cars2Attrs", new TaggingOperator("attributes"), cars)
                .sinkTo(new CollectingSink<>("alone2"));
        assertThat(alone.reusedStreams()).isEmpty();
        assertThat(alone.producedStreams())
                .extracting(d -> d.ref().toString())
                .containsExactly("eve/Cars2", "eve/Cars2Attrs");
        alone.execute("x+b alone").getJobExecutionResult().get();

        Map<String, Tagged> computedAlone = new HashMap<>();
        for (Arrival<EdgeRecord<Tagged>> r :
                CollectingSink.<EdgeRecord<Tagged>>received("alone2")) {
            Tagged p = r.value().payload();
            computedAlone.put(p.cameraId + "#" + p.sequence, p);
        }
        Map<String, Tagged> readShared = new HashMap<>();
        for (Arrival<EdgeRecord<Tagged>> r : viaShare) {
            Tagged p = r.value().payload();
            readShared.put(p.cameraId + "#" + p.sequence, p);
        }
        assertThat(readShared).hasSizeGreaterThanOrEqualTo(20).isEqualTo(computedAlone);
    }

    @Test
    void whenTheProducerStopsAHostJobTakesOverAndTheReaderKeepsReceiving(
            @InjectClusterClient ClusterClient<?> flink) throws Exception {
        rawVideo("Video3");
        fixture.client("alice").grant(new StreamRef("alice", "Video3"), "bob");
        JobClient xa = startXa("Video3", "Cars3", "xa3");
        fixture.client("alice").grant(new StreamRef("alice", "Cars3"), "bob");
        JobClient xb = planXb("bob", "Video3", "Cars3", "xb3").execute("x+b");
        Wait.until(
                () -> CollectingSink.received("xb3").size() >= 10,
                Duration.ofSeconds(30),
                "x+b to receive results");
        OperatorCatalog catalog =
                OperatorCatalog.empty()
                        .add(TaggingOperator.factory("detect"))
                        .add(TaggingOperator.factory("recognise"));
        try (StreamSupervisor supervisor =
                new StreamSupervisor(
                                fixture.client("alice"),
                                "alice",
                                JobStatusLookup.of(flink),
                                HostJobs.launcher(
                                        SharingFixture::environment,
                                        flink,
                                        fixture.client("alice"),
                                        "alice",
                                        fixture.channel("alice"),
                                        new GeneratedCameras(FPS),
                                        catalog),
                                Duration.ofMillis(300))
                        .start()) {

            xa.cancel().get();
            long stoppedAt = System.currentTimeMillis();

            Wait.until(
                    () ->
                            CollectingSink.<Object>received("xb3").stream()
                                            .filter(r -> r.atMs() > stoppedAt)
                                            .count()
                                    >= 20,
                    Duration.ofSeconds(60),
                    "x+b to keep receiving after x+a stopped");
            StreamRef cars = new StreamRef("alice", "Cars3");
            Producer host = fixture.client("alice").describe(cars).producer();
            assertThat(host.name()).isEqualTo("host:alice/Cars3");
            assertThat(status(flink, host.jobId())).isEqualTo(JobStatus.RUNNING);
            assertThat(status(xb)).isEqualTo(JobStatus.RUNNING);
            // One writer after the other: each record names its job, x+a's before the host's.
            String topic = fixture.client("alice").describe(cars).topic();
            List<String> order = List.of(xa.getJobID().toString(), host.jobId());
            Map<Integer, List<String>> writers = writersInOffsetOrder(topic);
            assertThat(writers.values().stream().flatMap(List::stream).distinct())
                    .containsExactlyInAnyOrderElementsOf(order);
            assertThat(writers.values()).allMatch(w -> order.containsAll(w) && isOrdered(w, order));
            assertThat(
                            CollectingSink.<EdgeRecord<Tagged>>received("xb3").stream()
                                    .filter(r -> r.atMs() > stoppedAt)
                                    .map(r -> r.value().payload().value))
                    .allMatch(v -> v.startsWith("attributes(detect(cam-"));
            xb.cancel().get();
            Wait.until(
                    () -> status(flink, host.jobId()) == JobStatus.CANCELED,
                    Duration.ofSeconds(60),
                    "the host job to stop once its last subscriber left");
        }
    }

    /**
     * Per partition of {@code topic}, the jobs named by its records' producer header, in offset
     * order, each run of the same job once ({@code "none"} for a record without the header).
     */
    private static Map<Integer, List<String>> writersInOffsetOrder(String topic)
            throws InterruptedException {
        Map<Integer, List<String>> writers = new TreeMap<>();
        try (TopicTail<byte[], byte[]> tail =
                TopicTail.builder(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .clientConfig(KafkaClientConfig.of(KAFKA.bootstrapServers()))
                        .fromBeginning()
                        .onRecord(
                                r -> {
                                    Header h =
                                            r.headers()
                                                    .lastHeader(StreamTopics.PRODUCER_JOB_HEADER);
                                    String job =
                                            h == null
                                                    ? "none"
                                                    : new String(h.value(), StandardCharsets.UTF_8);
                                    List<String> runs =
                                            writers.computeIfAbsent(
                                                    r.partition(), p -> new ArrayList<>());
                                    if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(job)) {
                                        runs.add(job);
                                    }
                                })
                        .start()) {
            assertThat(tail.awaitCaughtUp(Duration.ofSeconds(30)))
                    .as("read " + topic + " to its end")
                    .isTrue();
        }
        return writers;
    }

    /** Whether {@code jobs} appear in the order of {@code order}. */
    private static boolean isOrdered(List<String> jobs, List<String> order) {
        List<Integer> positions = jobs.stream().map(order::indexOf).toList();
        return positions.equals(positions.stream().sorted().toList());
    }

    @Test
    void revokingTheGrantFailsTheReadingJobWithANamedException() throws Exception {
        rawVideo("Video4");
        fixture.client("alice").grant(new StreamRef("alice", "Video4"), "bob");
        JobClient xa = startXa("Video4", "Cars4", "xa4");
        fixture.client("alice").grant(new StreamRef("alice", "Cars4"), "bob");
        EdgeStreams b = planXb("bob", "Video4", "Cars4", "xb4");
        JobClient xb = b.execute("x+b");
        Wait.until(
                () -> CollectingSink.received("xb4").size() >= 5,
                Duration.ofSeconds(30),
                "x+b to receive results");

        fixture.client("alice").revoke(new StreamRef("alice", "Cars4"), "bob");

        Wait.until(
                () -> status(xb) == JobStatus.FAILED,
                Duration.ofSeconds(30),
                "x+b to fail after the revocation");
        Throwable failure = null;
        try {
            xb.getJobExecutionResult().get();
        } catch (java.util.concurrent.ExecutionException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        assertThat(
                        org.apache.flink.util.ExceptionUtils.findThrowable(
                                failure, StreamAccessRevokedException.class))
                .get()
                .satisfies(
                        e -> {
                            assertThat(e.stream()).isEqualTo("alice/Cars4");
                            assertThat(e.owner()).isEqualTo("alice");
                        });
        assertThat(status(xa)).isEqualTo(JobStatus.RUNNING);
        xa.cancel().get();
    }

    private static JobStatus status(ClusterClient<?> flink, String jobId) {
        return JobStatusLookup.of(flink).status(jobId).orElse(JobStatus.INITIALIZING);
    }

    private static JobStatus status(JobClient job) {
        try {
            return job.getJobStatus().get();
        } catch (Exception e) {
            return JobStatus.INITIALIZING;
        }
    }
}

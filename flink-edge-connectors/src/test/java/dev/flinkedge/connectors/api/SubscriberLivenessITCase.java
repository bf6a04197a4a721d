package dev.flinkedge.connectors.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.connectors.testutil.CollectingSink;
import dev.flinkedge.connectors.testutil.CollectingSink.Arrival;
import dev.flinkedge.connectors.testutil.SharingFixture;
import dev.flinkedge.connectors.testutil.Tagged;
import dev.flinkedge.connectors.testutil.TaggingOperator;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.errors.ConflictException;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * What a reading job sees of the stream it reads, and one writer per stream, on a real Flink
 * runtime, broker and registry: the reader's metrics show the stream's status and the age of its
 * newest record while the producer stops and another job takes over, a RETIRED stream fails the
 * reader at once with a named exception instead of a restart loop, and a producer whose lease went
 * to another job stops writing the shared topic (while its own operators go on) until the lease is
 * its own again, and a LIVE reader that fails over without a checkpoint resumes at the live end
 * instead of delivering again what it had delivered.
 */
class SubscriberLivenessITCase {

    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Order(2)
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(8)
                            .build());

    private static final double FPS = 10;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static SharingFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SharingFixture(KAFKA.bootstrapServers(), "_subscriber");
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

    /**
     * A job of alice computing or reusing {@code cars} = detect-cars(Video), sunk into {@code
     * sink}.
     */
    private static EdgeStreams plan(String cars, String sink, StreamExecutionEnvironment env) {
        return plan(cars, new CollectingSink<>(sink), env);
    }

    /** As {@link #plan(String, String, StreamExecutionEnvironment)}, into any sink. */
    private static EdgeStreams plan(
            String cars, Sink<EdgeRecord<Tagged>> sink, StreamExecutionEnvironment env) {
        EdgeStreams job =
                EdgeStreams.on(env, fixture.client("alice"), "alice")
                        .withChannel(fixture.channel("alice"))
                        .withRawSources(new GeneratedCameras(FPS));
        // An operator per stream: the same lineage would make one test's job reuse the other's.
        job.derive(cars, new TaggingOperator("detect-" + cars), job.importStream("Video"))
                .sinkTo(sink);
        return job;
    }

    private static EdgeStreams plan(String cars, String sink) {
        return plan(cars, sink, SharingFixture.environment());
    }

    /** An environment whose jobs restart after a recoverable failure, quickly and many times. */
    private static StreamExecutionEnvironment restartingEnvironment() {
        StreamExecutionEnvironment env = SharingFixture.environment();
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1000);
        restarts.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        env.configure(restarts);
        return env;
    }

    @Test
    void theReaderSeesTheStatusAndAgeOfItsStreamAndFailsOnceItIsRetired(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        StreamRef cars = new StreamRef("alice", "Cars1");
        JobClient producer = plan("Cars1", "p1").execute("producer");
        awaitActive(cars, producer);

        // A reader that would restart on a recoverable failure: a RETIRED stream must not loop.
        EdgeStreams readerPlan = plan("Cars1", "r1", restartingEnvironment());
        assertThat(readerPlan.reusedStreams()).containsExactly(cars);
        JobClient reader = readerPlan.execute("reader");
        Wait.until(() -> CollectingSink.received("r1").size() >= 5, DEADLINE, "the first records");
        assertThat(gauge(reader, "streamStatus")).isEqualTo(2L);
        Wait.until(
                () -> gauge(reader, "newestRecordAgeMs") >= 0,
                DEADLINE,
                "the age gauge to report the first record read");
        assertThat(gauge(reader, "newestRecordAgeMs")).isLessThan(5_000L);

        producer.cancel().get();
        Wait.until(
                () -> gauge(reader, "streamStatus") == 3L,
                DEADLINE,
                "the reader's status gauge to show ORPHANED");
        Wait.until(
                () -> gauge(reader, "newestRecordAgeMs") > 2_000L,
                DEADLINE,
                "the newest record to age while nobody produces the stream");
        assertThat(status(reader)).isEqualTo(JobStatus.RUNNING);

        // The owner's next job computes the stream again; the reader reads on from the same topic.
        EdgeStreams nextPlan = plan("Cars1", "p1b");
        assertThat(nextPlan.reusedStreams()).isEmpty();
        JobClient next = nextPlan.execute("next producer");
        long restartedAt = System.currentTimeMillis();
        Wait.until(
                () -> gauge(reader, "streamStatus") == 2L,
                DEADLINE,
                "the reader's status gauge to show ACTIVE again");
        Wait.until(
                () -> receivedAfter("r1", restartedAt) >= 5,
                DEADLINE,
                "the reader to receive the next producer's records");
        assertThat(gauge(reader, "newestRecordAgeMs")).isBetween(0L, 5_000L);

        fixture.client("alice").setStatus(cars, StreamStatus.RETIRED, null);
        Wait.until(
                () -> status(reader) == JobStatus.FAILED,
                Duration.ofSeconds(30),
                "the reader to fail once the stream is RETIRED");
        ExecutionException failure = null;
        try {
            reader.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        assertThat(ExceptionUtils.findThrowable(failure, StreamRetiredException.class))
                .get()
                .satisfies(
                        e -> {
                            assertThat(e.stream()).isEqualTo("alice/Cars1");
                            assertThat(e.deleted()).isFalse();
                            assertThat(e.getMessage()).contains("Subscribe to another stream");
                        });
        assertThat(SharingFixture.restarts(cluster, reader.getJobID())).isZero();
        next.cancel().get();
    }

    @Test
    void aProducerWhoseLeaseWentToAnotherJobStopsWritingUntilItHoldsItAgain(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        StreamRef cars = new StreamRef("alice", "Cars2");
        JobClient producer = plan("Cars2", "p2").execute("producer");
        awaitActive(cars, producer);
        JobClient reader = plan("Cars2", "r2").execute("reader");
        Wait.until(() -> CollectingSink.received("r2").size() >= 5, DEADLINE, "the first records");

        // A host job takes the stream over, as after the producer's lease lapsed.
        handOver(cars, "host-job-0001");
        Wait.until(
                () -> counter(producer, "recordsDroppedOtherProducer") > 0,
                DEADLINE,
                "the producer's tap to hold its records back");
        long fencedAt = System.currentTimeMillis();
        long droppedAtFence = counter(producer, "recordsDroppedOtherProducer");
        Wait.until(
                () -> counter(producer, "recordsDroppedOtherProducer") >= droppedAtFence + 20,
                DEADLINE,
                "the producer to go on computing while another job holds the stream");
        long checkedAt = System.currentTimeMillis();
        // Records already in flight at the fence may still arrive within a few milliseconds.
        assertThat(receivedBetween("r2", fencedAt + 500, checkedAt))
                .as("records the reader got from the fenced producer")
                .isZero();
        assertThat(receivedBetween("p2", fencedAt, checkedAt))
                .as("records the fenced producer's own sink got")
                .isGreaterThanOrEqualTo(20);

        handOver(cars, producer.getJobID().toString());
        long backAt = System.currentTimeMillis();
        Wait.until(
                () -> receivedAfter("r2", backAt) >= 5,
                DEADLINE,
                "the reader to receive the producer's records once it holds the lease again");
        assertThat(status(producer)).isEqualTo(JobStatus.RUNNING);
        assertThat(SharingFixture.restarts(cluster, producer.getJobID())).isZero();
        reader.cancel().get();
        producer.cancel().get();
    }

    @Test
    void aLiveReaderThatFailsOverWithoutACheckpointResumesAtTheLiveEnd(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        StreamRef cars = new StreamRef("alice", "Cars3");
        JobClient producer = plan("Cars3", "p3").execute("producer");
        awaitActive(cars, producer);

        // The reader's sink fails its task once, at its 20th record; the job does not checkpoint.
        EdgeStreams readerPlan =
                plan(
                        "Cars3",
                        new FailingOnceSink<>(new CollectingSink<>("r3"), "r3", 20),
                        restartingEnvironment());
        assertThat(readerPlan.reusedStreams()).containsExactly(cars);
        JobClient reader = readerPlan.execute("reader");
        Wait.until(() -> restarts(cluster, reader) >= 1, DEADLINE, "the reader to fail over once");
        long restartedAt = System.currentTimeMillis();
        Wait.until(
                () -> receivedAfter("r3", restartedAt) >= 10,
                DEADLINE,
                "the restarted reader to receive records");

        List<Arrival<EdgeRecord<Tagged>>> in = CollectingSink.received("r3");
        List<String> frames =
                in.stream()
                        .map(a -> a.value().payload())
                        .map(t -> t.cameraId + "#" + t.sequence)
                        .toList();
        assertThat(frames).as("frames the reader delivered").doesNotHaveDuplicates();
        assertThat(status(reader)).isEqualTo(JobStatus.RUNNING);
        reader.cancel().get();
        producer.cancel().get();
    }

    /**
     * A sink that passes records on to {@code inner} and fails its task once, at the {@code
     * failAt}-th record (which it does not pass on), for the whole test JVM.
     */
    private static final class FailingOnceSink<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;
        private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

        private final Sink<T> inner;
        private final String name;
        private final int failAt;

        FailingOnceSink(Sink<T> inner, String name, int failAt) {
            this.inner = inner;
            this.name = name;
            this.failAt = failAt;
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
            SinkWriter<T> writer = inner.createWriter(context);
            return new SinkWriter<>() {
                private int written;

                @Override
                public void write(T element, Context ctx) throws IOException, InterruptedException {
                    if (++written == failAt && FAILED.add(name)) {
                        throw new IOException("Injected failure of sink " + name);
                    }
                    writer.write(element, ctx);
                }

                @Override
                public void flush(boolean endOfInput) throws IOException, InterruptedException {
                    writer.flush(endOfInput);
                }

                @Override
                public void close() throws Exception {
                    writer.close();
                }
            };
        }
    }

    /**
     * What a supervisor does for a host job (or the owner for its own next job): marks the stream
     * ORPHANED and then ACTIVE for {@code jobId}. The current holder may renew in between and take
     * the stream back, which the registry then refuses to hand over: try again.
     */
    private static void handOver(StreamRef cars, String jobId) {
        Wait.until(
                () -> {
                    try {
                        fixture.client("alice").setStatus(cars, StreamStatus.ORPHANED, null);
                        fixture.client("alice")
                                .setStatus(cars, StreamStatus.ACTIVE, new Producer(jobId, "e-1"));
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                },
                DEADLINE,
                "the registry to hand " + cars + " over to " + jobId);
    }

    private static void awaitActive(StreamRef cars, JobClient producer) {
        Wait.until(
                () -> {
                    var d = fixture.client("alice").describe(cars);
                    return d.status() == StreamStatus.ACTIVE
                            && d.lease().isHeldBy(producer.getJobID().toString());
                },
                DEADLINE,
                "the producer to produce " + cars);
    }

    private static long receivedAfter(String sink, long fromMs) {
        return receivedBetween(sink, fromMs, Long.MAX_VALUE);
    }

    private static long receivedBetween(String sink, long fromMs, long toMs) {
        List<Arrival<EdgeRecord<Tagged>>> in = CollectingSink.received(sink);
        return in.stream().filter(a -> a.atMs() > fromMs && a.atMs() <= toMs).count();
    }

    /** The value of the job's gauge {@code name}, or Long.MIN_VALUE while it is not registered. */
    private static long gauge(JobClient job, String name) {
        return REPORTER.findMetric(job.getJobID(), name)
                .map(m -> ((Number) ((Gauge<?>) m).getValue()).longValue())
                .orElse(Long.MIN_VALUE);
    }

    /** The sum over subtasks of the job's counter {@code name}. */
    private static long counter(JobClient job, String name) {
        long sum = 0;
        for (Metric m : REPORTER.findMetrics(job.getJobID(), name).values()) {
            sum += ((Counter) m).getCount();
        }
        return sum;
    }

    private static int restarts(MiniCluster cluster, JobClient job) {
        try {
            return SharingFixture.restarts(cluster, job.getJobID());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the restarts of " + job.getJobID(), e);
        }
    }

    private static JobStatus status(JobClient job) {
        try {
            return job.getJobStatus().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the status of " + job.getJobID(), e);
        }
    }
}

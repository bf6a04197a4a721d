package dev.flinkedge.connectors.source.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.serialization.EdgeCodec;
import dev.flinkedge.connectors.serialization.ForgedBytes;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.connectors.testutil.CollectingSink;
import dev.flinkedge.connectors.testutil.Samples;
import dev.flinkedge.connectors.testutil.SharingFixture;
import dev.flinkedge.connectors.testutil.Tagged;
import dev.flinkedge.connectors.testutil.TaggingOperator;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.LongStream;

/**
 * A forged record (naming a class outside the allow-list) and a record with a 2 GB length prefix,
 * written into a shared stream's topic between good records, are skipped and counted by a reading
 * job on a real Flink runtime and broker: the job keeps running without a restart and emits every
 * good record.
 */
class SharedStreamUndecodableITCase {

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
                            .setNumberSlotsPerTaskManager(4)
                            .build());

    private static final double FPS = 10;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String INJECTED = "injected";
    private static final int GOOD = 10;

    private static SharingFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SharingFixture(KAFKA.bootstrapServers(), "_undecodable");
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

    @Test
    void undecodableRecordsAreSkippedCountedAndDoNotRestartTheReader(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        StreamRef cars = new StreamRef("alice", "Cars");
        JobClient producer = plan("p", SharingFixture.environment()).execute("producer");
        Wait.until(
                () -> {
                    var d = fixture.client("alice").describe(cars);
                    return d.status() == StreamStatus.ACTIVE
                            && d.lease().isHeldBy(producer.getJobID().toString());
                },
                DEADLINE,
                "the producer to produce " + cars);
        EdgeStreams readerPlan = plan("r", restartingEnvironment());
        assertThat(readerPlan.reusedStreams()).containsExactly(cars);
        JobClient reader = readerPlan.execute("reader");
        Wait.until(() -> CollectingSink.received("r").size() >= 5, DEADLINE, "the first records");

        String topic = fixture.client("alice").describe(cars).topic();
        EdgeCodec<EdgeRecord<Tagged>> codec = EdgeCodec.edgeRecords();
        try (KafkaProducer<byte[], byte[]> kafka = kafkaProducer()) {
            for (int i = 0; i < GOOD; i++) {
                if (i == GOOD / 2) {
                    kafka.send(new ProducerRecord<>(topic, ForgedBytes.recordNamingForeignClass()));
                    kafka.send(
                            new ProducerRecord<>(
                                    topic,
                                    ForgedBytes.recordWithByteArrayLength(ForgedBytes.HUGE)));
                }
                byte[] good = codec.encode(Samples.record(new Tagged(INJECTED, i, "good-" + i)));
                kafka.send(new ProducerRecord<>(topic, good));
            }
            kafka.flush();
        }

        Wait.until(
                () -> injectedReceived().size() >= GOOD,
                DEADLINE,
                "the reader to emit every good injected record");
        Wait.until(
                () -> counter(reader, SharedRecordDeserializer.RECORDS_UNDECODABLE) >= 2,
                DEADLINE,
                "the reader to count the undecodable records");
        long producedBefore = CollectingSink.received("r").size();
        Wait.until(
                () -> CollectingSink.received("r").size() >= producedBefore + 5,
                DEADLINE,
                "the reader to go on reading the producer's records");

        assertThat(injectedReceived())
                .containsExactlyElementsOf(LongStream.range(0, GOOD).boxed().toList());
        assertThat(counter(reader, SharedRecordDeserializer.RECORDS_UNDECODABLE)).isEqualTo(2);
        assertThat(reader.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        assertThat(SharingFixture.restarts(cluster, reader.getJobID())).isZero();
        reader.cancel().get();
        producer.cancel().get();
    }

    /** A job of alice computing or reusing Cars = detect(Video), sunk into {@code sink}. */
    private static EdgeStreams plan(String sink, StreamExecutionEnvironment env) {
        EdgeStreams job =
                EdgeStreams.on(env, fixture.client("alice"), "alice")
                        .withChannel(fixture.channel("alice"))
                        .withRawSources(new GeneratedCameras(FPS));
        job.derive("Cars", new TaggingOperator("detect"), job.importStream("Video"))
                .sinkTo(new CollectingSink<EdgeRecord<Tagged>>(sink));
        return job;
    }

    /** An environment whose jobs would restart quickly and often: a poison record would loop. */
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

    private static List<Long> injectedReceived() {
        List<CollectingSink.Arrival<EdgeRecord<Tagged>>> in = CollectingSink.received("r");
        return in.stream()
                .map(a -> a.value().payload())
                .filter(t -> INJECTED.equals(t.cameraId))
                .map(t -> t.sequence)
                .toList();
    }

    private static KafkaProducer<byte[], byte[]> kafkaProducer() {
        Properties props = new Properties();
        props.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        // One in-flight batch keeps the records in the order sent.
        props.setProperty(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The sum over subtasks of the job's counter {@code name}. */
    private static long counter(JobClient job, String name) {
        long sum = 0;
        for (Metric m : REPORTER.findMetrics(job.getJobID(), name).values()) {
            sum += ((Counter) m).getCount();
        }
        return sum;
    }
}

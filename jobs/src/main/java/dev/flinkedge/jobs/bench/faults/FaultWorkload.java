package dev.flinkedge.jobs.bench.faults;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.api.StreamSpecOptions;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.jobs.bench.BenchCluster;
import dev.flinkedge.jobs.bench.SharingBenchmark;
import dev.flinkedge.jobs.bench.workload.FaultRelay;
import dev.flinkedge.jobs.bench.workload.SequenceLog;
import dev.flinkedge.jobs.bench.workload.SequencedCameras;
import dev.flinkedge.jobs.bench.workload.SyntheticCost;
import dev.flinkedge.jobs.bench.workload.SyntheticResult;
import dev.flinkedge.registry.access.ResourceNames;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.ResultTopics;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.scheduler.pinning.TopologyPlacement;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The fault suite's jobs, built from the packaged job jar's stand-in operators: per delivery
 * guarantee, a producer of owner {@value #PRODUCER} at the producer site (sequenced cameras →
 * {@link FaultRelay}, a free {@link SyntheticCost}, whose output is the shared stream; the camera
 * frames are also logged to an <em>emitted</em> topic) and a subscriber of owner {@value
 * #SUBSCRIBER} at the subscriber site that derives the same stream, so reuses it, and logs what it
 * reads to a <em>result</em> topic. AT_LEAST_ONCE and EXACTLY_ONCE jobs checkpoint every second;
 * every job restarts after a failure (fixed delay, no limit), as a production job would.
 */
final class FaultWorkload {

    static final String PRODUCER = "city-a";
    static final String SUBSCRIBER = "city-b";
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration RESTART_DELAY = Duration.ofSeconds(1);

    /**
     * The streams and topics of one guarantee.
     *
     * @param guarantee the shared stream's delivery guarantee
     * @param stream the shared stream, produced by {@value #PRODUCER}
     * @param emittedTopic what the producer's cameras emitted
     * @param resultTopic what the subscriber read
     */
    record Streams(Guarantee guarantee, StreamRef stream, String emittedTopic, String resultTopic) {
        String tag() {
            return guarantee.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final SharingBenchmark.Services services;
    private final BenchCluster cluster;
    private final TopologyPlacement topology;
    private final String run;
    private final int cameras;
    private final double fps;
    private final String raw;

    /**
     * @param run distinguishes this run's streams and topics from earlier runs' on the cluster
     * @param cameras cameras of the RAW stream
     * @param fps frames per second per camera
     */
    FaultWorkload(
            SharingBenchmark.Services services,
            BenchCluster cluster,
            TopologyPlacement topology,
            String run,
            int cameras,
            double fps) {
        this.services = services;
        this.cluster = cluster;
        this.topology = topology;
        this.run = run;
        this.cameras = cameras;
        this.fps = fps;
        this.raw = "Cams-" + run;
    }

    /** Registers the cameras' RAW stream and lets the subscriber read it. */
    void registerCameras() {
        RegistryClient producer = client(services.tokenA());
        producer.create(
                StreamSpec.builder(raw, StreamType.RAW)
                        .source(
                                SourceSpec.devices(
                                        IntStream.rangeClosed(1, cameras)
                                                .mapToObj(i -> "cam-" + i)
                                                .toList()))
                        .build());
        producer.grant(new StreamRef(PRODUCER, raw), SUBSCRIBER);
    }

    /** The names of {@code guarantee}'s stream and topics in this run; creates the topics. */
    Streams streams(Guarantee guarantee) {
        String tag = guarantee.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Streams s =
                new Streams(
                        guarantee,
                        new StreamRef(PRODUCER, "Seq-" + tag + "-" + run),
                        ResultTopics.topicFor(PRODUCER, "faults-emitted-" + tag + "-" + run),
                        ResultTopics.topicFor(SUBSCRIBER, "faults-result-" + tag + "-" + run));
        StreamTopics.ensure(services.kafkaA(), Map.of(s.emittedTopic(), 1));
        StreamTopics.ensure(services.kafkaB(), Map.of(s.resultTopic(), 1));
        return s;
    }

    /**
     * Submits the producer of {@code s} at {@code site} and lets the subscriber read its stream.
     */
    JobClient startProducer(Streams s, String site) throws Exception {
        EdgeStreams es = plan(PRODUCER, services.tokenA(), s.guarantee(), site);
        EdgeStream<Frame> frames = es.importStream(raw);
        frames.sinkTo(
                SequenceLog.sink(
                        services.kafkaA(),
                        s.emittedTopic(),
                        DeliveryGuarantee.AT_LEAST_ONCE,
                        ResourceNames.ownerPrefix(PRODUCER) + "faults-emitted-" + run));
        es.derive(s.stream().name(), relay(s), frames);
        JobClient job = es.execute("fault-producer-" + s.tag() + "-" + run);
        client(services.tokenA()).grant(s.stream(), SUBSCRIBER);
        return job;
    }

    /**
     * Submits the subscriber of {@code s} at {@code site}.
     *
     * @param attempt how often it was submitted before in this run, 1 the first time
     * @param mustReuse whether to refuse computing the stream itself when it cannot be reused
     * @return the job, and whether it reads the producer's stream (else it computes its own)
     * @throws IllegalStateException when it must reuse the stream but there is no live producer
     */
    Subscriber startSubscriber(Streams s, String site, int attempt, boolean mustReuse)
            throws Exception {
        EdgeStreams es = plan(SUBSCRIBER, services.tokenB(), s.guarantee(), site);
        EdgeStream<EdgeRecord<SyntheticResult>> shared =
                es.derive(s.stream().name(), relay(s), es.importStream(PRODUCER + "/" + raw));
        boolean reuses = es.reusedStreams().contains(s.stream());
        if (mustReuse && !reuses) {
            throw new IllegalStateException(
                    "the subscriber would compute "
                            + s.stream()
                            + " itself instead of reading it: the registry shows no live producer"
                            + " of it; see the producer job and the registry's log");
        }
        shared.sinkTo(
                SequenceLog.sink(
                        services.kafkaB(),
                        s.resultTopic(),
                        s.guarantee() == Guarantee.EXACTLY_ONCE
                                ? DeliveryGuarantee.EXACTLY_ONCE
                                : DeliveryGuarantee.AT_LEAST_ONCE,
                        ResourceNames.ownerPrefix(SUBSCRIBER)
                                + "faults-result-"
                                + s.tag()
                                + "-"
                                + run
                                + "-"
                                + attempt));
        return new Subscriber(es.execute("fault-subscriber-" + s.tag() + "-" + run), reuses);
    }

    /**
     * A submitted subscriber.
     *
     * @param job its job
     * @param reuses whether it reads the producer's stream; else it computes the stream itself
     */
    record Subscriber(JobClient job, boolean reuses) {}

    /** {@code s}'s stream as the registry describes it. */
    StreamDescriptor describe(Streams s) {
        return client(services.tokenA()).describe(s.stream());
    }

    /** Whether the registry offers {@code s}'s stream for reuse now (ACTIVE, live lease). */
    boolean reusable(Streams s) {
        return client(services.tokenB())
                .describe(s.stream())
                .isReusableAt(System.currentTimeMillis());
    }

    private EdgeStreams plan(String owner, String token, Guarantee guarantee, String site) {
        StreamExecutionEnvironment env = cluster.newEnvironment(null);
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
        env.configure(conf);
        if (guarantee != Guarantee.LIVE) {
            env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
        }
        SharedChannel channel =
                SharedChannel.of(
                                owner.equals(PRODUCER) ? services.kafkaA() : services.kafkaB(),
                                services.registryUrl(),
                                token)
                        .withRegistryTopic(services.registryTopic());
        return EdgeStreams.on(env, client(token), owner)
                .withChannel(channel)
                .withRawSources(
                        guarantee == Guarantee.LIVE
                                ? SequencedCameras.live(fps)
                                : SequencedCameras.resumable(fps, System.currentTimeMillis()))
                .withStreamOptions(new StreamSpecOptions(guarantee, false, 1))
                .withPlacement(new SitePinning(topology, site));
    }

    /** The operator of {@code s}'s stream, whose tag keeps the guarantees' streams apart. */
    private static SyntheticCost relay(Streams s) {
        return FaultRelay.of(s.tag());
    }

    private RegistryClient client(String token) {
        return RegistryClient.builder().url(services.registryUrl()).token(token).build();
    }
}

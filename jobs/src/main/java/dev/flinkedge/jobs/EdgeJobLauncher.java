package dev.flinkedge.jobs;

import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.RawSourceFactory;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CatalogCameras;
import dev.flinkedge.connectors.source.camera.DeviceCatalog;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.ConflictException;
import dev.flinkedge.registry.errors.NotFoundException;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.scheduler.pinning.TopologyPlacement;
import dev.flinkedge.scheduler.placement.DeviceSites;
import dev.flinkedge.scheduler.placement.Placer;
import dev.flinkedge.scheduler.topology.InvalidTopologyException;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs a {@link TrafficJob} from its options: connects to the registry as the owner, makes sure the
 * camera stream exists, sets up the shared-stream channel and the cameras, lets the job define its
 * streams and submits it. The {@code main} of every traffic job delegates here.
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *     EdgeJobLauncher.main(new PlateRecognitionJob(), args);
 * }
 * }</pre>
 */
public final class EdgeJobLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeJobLauncher.class);

    private EdgeJobLauncher() {}

    /**
     * Parses {@code args} ({@link TrafficJobOptions}), submits {@code job} and, when the client is
     * attached ({@code flink run} without {@code -d}), waits for the job to end.
     */
    public static void main(TrafficJob job, String[] args) throws Exception {
        Configuration conf = JobArguments.parse(args, TrafficJobOptions.all());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobClient client = submit(job, conf, env);
        if (env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
            client.getJobExecutionResult().get();
        }
    }

    /**
     * Defines {@code job} on {@code env} with {@code conf}, creates its result topics and submits
     * it without waiting.
     */
    public static JobClient submit(
            TrafficJob job, Configuration conf, StreamExecutionEnvironment env) throws Exception {
        EdgeStreams es = plan(conf, env);
        job.define(es, conf);
        ensureResultTopics(job, conf);
        String name = conf.getOptional(TrafficJobOptions.JOB_NAME).orElse(job.name());
        JobClient client = es.execute(name);
        LOG.info(
                "{} ({}) runs as {}; reuses {}",
                name,
                job.description(),
                client.getJobID(),
                es.reusedStreams());
        return client;
    }

    /** Creates the topics {@code job} writes its results to, where missing. */
    public static void ensureResultTopics(TrafficJob job, Configuration conf) {
        Map<String, Integer> topics = new TreeMap<>();
        job.resultTopics().forEach(t -> topics.put(TrafficJobOptions.resultTopic(conf, t), 1));
        StreamTopics.ensure(TrafficJobOptions.kafka(conf), topics);
    }

    /**
     * A job plan for the owner of {@code conf} on {@code env}: registry, channel and cameras set;
     * the camera stream registered if it is the owner's and missing.
     */
    public static EdgeStreams plan(Configuration conf, StreamExecutionEnvironment env)
            throws IOException {
        String owner = JobArguments.require(conf, TrafficJobOptions.OWNER);
        SharedChannel channel = channel(conf);
        RegistryClient registry = channel.newRegistryClient();
        Optional<DeviceCatalog> catalog = catalog(conf);
        ensureCameraStream(registry, owner, conf.get(TrafficJobOptions.CAMERA_STREAM), catalog);
        return plan(conf, env, owner, channel, registry, catalog);
    }

    /**
     * A job plan for the owner of {@code conf} on {@code env} that registers nothing: the host job
     * recomputes a registered stream, whose lineage names the camera stream.
     */
    static EdgeStreams planWithoutCameraStream(Configuration conf, StreamExecutionEnvironment env)
            throws IOException {
        SharedChannel channel = channel(conf);
        return plan(
                conf,
                env,
                JobArguments.require(conf, TrafficJobOptions.OWNER),
                channel,
                channel.newRegistryClient(),
                catalog(conf));
    }

    private static SharedChannel channel(Configuration conf) {
        return SharedChannel.of(
                        TrafficJobOptions.kafka(conf),
                        conf.get(TrafficJobOptions.REGISTRY_URL),
                        OwnerToken.resolve(conf, System::getenv))
                .withRegistryTopic(conf.get(TrafficJobOptions.REGISTRY_TOPIC));
    }

    private static EdgeStreams plan(
            Configuration conf,
            StreamExecutionEnvironment env,
            String owner,
            SharedChannel channel,
            RegistryClient registry,
            Optional<DeviceCatalog> catalog) {
        env.setBufferTimeout(conf.get(TrafficJobOptions.JOB_BUFFER_TIMEOUT).toMillis());
        EdgeStreams es =
                EdgeStreams.on(env, registry, owner)
                        .withChannel(channel)
                        .withRawSources(cameras(conf, catalog))
                        .atSite(conf.getOptional(TrafficJobOptions.JOB_SITE).orElse(null));
        Optional<String> topology = conf.getOptional(TrafficJobOptions.PLACEMENT_TOPOLOGY);
        return topology.isEmpty()
                ? es
                : es.withPlacement(placement(Path.of(topology.get()), catalog));
    }

    /**
     * Placement on the topology in {@code file}, the catalog's cameras attached to the edge sites
     * nearest them.
     */
    private static TopologyPlacement placement(Path file, Optional<DeviceCatalog> catalog) {
        Topology topology;
        try {
            topology = TopologyLoader.load(file);
        } catch (InvalidTopologyException e) {
            throw new IllegalArgumentException(
                    "--" + TrafficJobOptions.PLACEMENT_TOPOLOGY.key() + ": " + e.getMessage(), e);
        }
        Map<String, GeoPoint> cameras = new TreeMap<>();
        catalog.ifPresent(c -> c.devices().forEach(d -> cameras.put(d.id(), d.location())));
        return new TopologyPlacement(
                new Placer(
                        topology,
                        DeviceSites.nearest(topology, cameras),
                        TopologyPlacement.MAX_HULL_EDGES));
    }

    private static Optional<DeviceCatalog> catalog(Configuration conf) throws IOException {
        Optional<String> file = conf.getOptional(TrafficJobOptions.CAMERA_CATALOG);
        return file.isEmpty()
                ? Optional.empty()
                : Optional.of(DeviceCatalog.load(Path.of(file.get())));
    }

    private static RawSourceFactory cameras(Configuration conf, Optional<DeviceCatalog> catalog) {
        if (catalog.isEmpty()) {
            return new NoCameras();
        }
        CatalogCameras cameras = CatalogCameras.of(catalog.get());
        Optional<String> policies = conf.getOptional(TrafficJobOptions.CAMERA_POLICY_TOPIC);
        return policies.isEmpty()
                ? cameras
                : cameras.withPolicies(TrafficJobOptions.kafka(conf), policies.get());
    }

    /**
     * Registers {@code stream} as a device-based RAW stream of every catalog camera when it is the
     * owner's and does not exist.
     */
    static StreamDescriptor ensureCameraStream(
            StreamRegistry registry, String owner, String stream, Optional<DeviceCatalog> catalog) {
        StreamRef ref =
                stream.contains("/") ? StreamRef.parse(stream) : new StreamRef(owner, stream);
        try {
            return registry.describe(ref);
        } catch (NotFoundException e) {
            if (!ref.owner().equals(owner)) {
                throw new IllegalArgumentException(
                        "Camera stream "
                                + ref
                                + " does not exist or"
                                + " is not granted to "
                                + owner
                                + "; ask "
                                + ref.owner()
                                + " to grant it"
                                + " ('flink-edge streams grant "
                                + ref
                                + " "
                                + owner
                                + "')",
                        e);
            }
            if (catalog.isEmpty()) {
                throw new IllegalArgumentException(
                        "Camera stream "
                                + ref
                                + " does not exist;"
                                + " pass --"
                                + TrafficJobOptions.CAMERA_CATALOG.key()
                                + " FILE to"
                                + " register it with the catalog's cameras, or create it with"
                                + " 'flink-edge streams create'",
                        e);
            }
            StreamDescriptor created;
            try {
                created =
                        registry.create(
                                StreamSpec.builder(ref.name(), StreamType.RAW)
                                        .source(
                                                SourceSpec.devices(
                                                        catalog.get().devices().stream()
                                                                .map(CameraDevice::id)
                                                                .toList()))
                                        .build());
            } catch (ConflictException raced) {
                return registry.describe(ref);
            }
            LOG.info(
                    "Registered camera stream {} with cameras {}",
                    created.ref(),
                    created.source().devices());
            return created;
        }
    }

    /** Stands in for cameras when no catalog is given: fails only if cameras are really read. */
    private static final class NoCameras implements RawSourceFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public DataStream<Frame> create(StreamExecutionEnvironment env, StreamDescriptor raw) {
            throw new IllegalArgumentException(
                    "This job reads the cameras of "
                            + raw.ref()
                            + " (no running job provides the streams it needs) but no --"
                            + TrafficJobOptions.CAMERA_CATALOG.key()
                            + " FILE was given");
        }
    }
}

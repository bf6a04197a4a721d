package dev.flinkedge.connectors.source.camera;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;
import static org.apache.flink.util.Preconditions.checkState;

import dev.flinkedge.connectors.policy.PolicyProviderFactory;
import dev.flinkedge.connectors.source.camera.enumerator.CameraSelector;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.model.SourceSpec;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Builds a {@link CameraSource}. Choose the cameras one way — a fixed list ({@link #setCameras}),
 * named devices or areas of a catalog ({@link #setCatalog} with {@link #setDevices} or {@link
 * #setAreas}), or a RAW stream's source ({@link #setSourceSpec}) — and optionally where policies
 * come from.
 *
 * <pre>{@code
 * CameraSource source = CameraSource.builder()
 *         .setCatalog(Path.of("cameras.yaml"))
 *         .setAreas(List.of("POLYGON((-0.2 51.4, 0 51.4, 0 51.6, -0.2 51.6, -0.2 51.4))"))
 *         .setPolicyBootstrapServers("kafka:9092")
 *         .build();
 * }</pre>
 */
@PublicEvolving
public final class CameraSourceBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(CameraSourceBuilder.class);

    private final Configuration config = new Configuration();
    private List<CameraDevice> cameras;
    private DeviceCatalog catalog;
    private Path catalogFile;
    private List<String> deviceIds;
    private AreaFilter areas;
    private PolicyProviderFactory policyProviderFactory;
    private Properties policyClientProps = new Properties();

    CameraSourceBuilder() {}

    /** Reads exactly these cameras. */
    public CameraSourceBuilder setCameras(List<CameraDevice> cameras) {
        this.cameras = List.copyOf(checkNotNull(cameras, "cameras"));
        return this;
    }

    /** Chooses cameras from {@code catalog}; add {@link #setDevices} or {@link #setAreas}. */
    public CameraSourceBuilder setCatalog(DeviceCatalog catalog) {
        this.catalog = checkNotNull(catalog, "catalog");
        return this;
    }

    /**
     * Chooses cameras from a catalog file, read by the job's enumerator (again at every discovery
     * interval); add {@link #setDevices} or {@link #setAreas}.
     */
    public CameraSourceBuilder setCatalog(Path catalogFile) {
        this.catalogFile = checkNotNull(catalogFile, "catalogFile");
        return this;
    }

    /** Reads the catalog cameras with these ids (a device-based raw stream). */
    public CameraSourceBuilder setDevices(List<String> ids) {
        this.deviceIds = List.copyOf(checkNotNull(ids, "ids"));
        return this;
    }

    /** Reads every catalog camera inside these WKT polygons, {@code lon lat} order. */
    public CameraSourceBuilder setAreas(List<String> wktPolygons) {
        this.areas = AreaFilter.of(wktPolygons);
        return this;
    }

    /** Reads the cameras of a RAW stream's source: its devices or its areas. */
    public CameraSourceBuilder setSourceSpec(SourceSpec source) {
        checkNotNull(source, "source");
        if (source.devices().isEmpty()) {
            setAreas(source.areas());
        } else {
            setDevices(source.devices());
        }
        return this;
    }

    /** Follows camera policies from the policy topic on these Kafka servers. */
    public CameraSourceBuilder setPolicyBootstrapServers(String bootstrapServers) {
        config.set(
                CameraSourceOptions.POLICY_BOOTSTRAP_SERVERS,
                checkNotNull(bootstrapServers, "bootstrapServers"));
        return this;
    }

    /** The policy topic; {@code _flinkedge_policies} by default. */
    public CameraSourceBuilder setPolicyTopic(String topic) {
        config.set(CameraSourceOptions.POLICY_TOPIC, checkNotNull(topic, "topic"));
        return this;
    }

    /**
     * Follows camera policies from the policy topic of the cluster {@code kafka} reaches, with its
     * client properties (security, client id, …).
     */
    public CameraSourceBuilder setPolicyKafka(KafkaClientConfig kafka) {
        checkNotNull(kafka, "kafka");
        setPolicyBootstrapServers(kafka.bootstrapServers());
        return setPolicyClientProperties(kafka.toProperties());
    }

    /** Extra Kafka client properties for the policy consumer (security, client id, …). */
    public CameraSourceBuilder setPolicyClientProperties(Properties props) {
        this.policyClientProps = new Properties();
        this.policyClientProps.putAll(checkNotNull(props, "props"));
        return this;
    }

    /** Takes policies from {@code factory} instead of a Kafka topic (fixed policies, tests). */
    public CameraSourceBuilder setPolicyProviderFactory(PolicyProviderFactory factory) {
        this.policyProviderFactory = checkNotNull(factory, "factory");
        return this;
    }

    /** Ends each camera after {@code n} frames, making the source bounded; 0 = unbounded. */
    public CameraSourceBuilder setMaxFramesPerCamera(long n) {
        config.set(CameraSourceOptions.MAX_FRAMES_PER_CAMERA, n);
        return this;
    }

    /** JPEG quality in (0, 1]. */
    public CameraSourceBuilder setJpegQuality(float quality) {
        config.set(CameraSourceOptions.JPEG_QUALITY, quality);
        return this;
    }

    /** Selects cameras again at this interval so new catalog cameras join; 0 = once. */
    public CameraSourceBuilder setDiscoveryInterval(Duration interval) {
        config.set(CameraSourceOptions.DISCOVERY_INTERVAL, checkNotNull(interval, "interval"));
        return this;
    }

    /** Sets any {@link CameraSourceOptions} option. */
    public <T> CameraSourceBuilder setOption(ConfigOption<T> option, T value) {
        config.set(checkNotNull(option, "option"), checkNotNull(value, "value"));
        return this;
    }

    /**
     * Checks the settings and builds the source.
     *
     * @throws IllegalStateException naming the missing or conflicting setting
     * @throws IllegalArgumentException naming the option with a bad value
     */
    public CameraSource build() {
        sanityCheck();
        return new CameraSource(selector(), policyProviderFactory(), new Configuration(config));
    }

    private void sanityCheck() {
        boolean fixed = cameras != null;
        boolean fromCatalog = catalog != null || catalogFile != null;
        checkState(
                fixed || fromCatalog,
                "Property cameras is required but not provided: call setCameras, or setCatalog"
                        + " with setDevices, setAreas or setSourceSpec");
        checkState(
                !(fixed && fromCatalog),
                "Give cameras either with setCameras or with setCatalog, not both");
        checkState(
                !(catalog != null && catalogFile != null),
                "Give the catalog either as a DeviceCatalog or as a file, not both");
        checkState(
                !fromCatalog || (deviceIds == null) != (areas == null),
                "A catalog needs exactly one of setDevices (device-based) or setAreas"
                        + " (range-based)");
        checkState(
                !fixed || (deviceIds == null && areas == null),
                "setDevices and setAreas select from a catalog; with setCameras use setCatalog"
                        + " instead");
        float quality = config.get(CameraSourceOptions.JPEG_QUALITY);
        checkArgument(
                quality > 0 && quality <= 1,
                "Option %s is %s; it must be in (0, 1]",
                CameraSourceOptions.JPEG_QUALITY.key(),
                quality);
        boolean bounded = config.get(CameraSourceOptions.MAX_FRAMES_PER_CAMERA) > 0;
        Duration discovery = config.get(CameraSourceOptions.DISCOVERY_INTERVAL);
        checkArgument(
                !discovery.isNegative(),
                "Option %s is %s; it must be >= 0",
                CameraSourceOptions.DISCOVERY_INTERVAL.key(),
                discovery);
        checkState(
                !(bounded && !discovery.isZero()),
                "Option %s cannot be used with %s > 0: a bounded source must know all its"
                        + " cameras at start",
                CameraSourceOptions.DISCOVERY_INTERVAL.key(),
                CameraSourceOptions.MAX_FRAMES_PER_CAMERA.key());
        checkState(
                !(policyProviderFactory != null
                        && config.contains(CameraSourceOptions.POLICY_BOOTSTRAP_SERVERS)),
                "Give policies either with setPolicyProviderFactory or with"
                        + " setPolicyBootstrapServers, not both");
        checkPositive(CameraSourceOptions.LIVE_OPEN_TIMEOUT);
        checkPositive(CameraSourceOptions.POLICY_STARTUP_TIMEOUT);
        checkArgument(
                !config.get(CameraSourceOptions.LIVE_RECONNECT_BACKOFF).isNegative(),
                "Option %s must be >= 0",
                CameraSourceOptions.LIVE_RECONNECT_BACKOFF.key());
    }

    private void checkPositive(ConfigOption<Duration> option) {
        Duration d = config.get(option);
        checkArgument(
                !d.isNegative() && !d.isZero(), "Option %s is %s; it must be > 0", option.key(), d);
    }

    private CameraSelector selector() {
        if (cameras != null) {
            return CameraSelector.cameras(cameras);
        }
        if (catalog != null) {
            return deviceIds != null
                    ? CameraSelector.devices(catalog, deviceIds)
                    : CameraSelector.inside(catalog, areas);
        }
        return deviceIds != null
                ? CameraSelector.devices(catalogFile, deviceIds)
                : CameraSelector.inside(catalogFile, areas);
    }

    private PolicyProviderFactory policyProviderFactory() {
        if (policyProviderFactory != null) {
            return policyProviderFactory;
        }
        if (!config.contains(CameraSourceOptions.POLICY_BOOTSTRAP_SERVERS)) {
            LOG.info("No policy topic configured: cameras deliver their native rate and size");
            return PolicyProviderFactory.none();
        }
        Map<String, String> props = new TreeMap<>();
        policyClientProps
                .stringPropertyNames()
                .forEach(k -> props.put(k, policyClientProps.getProperty(k)));
        String servers = config.get(CameraSourceOptions.POLICY_BOOTSTRAP_SERVERS);
        String given = props.get(KafkaClientConfig.BOOTSTRAP_SERVERS);
        if (given != null && !given.equals(servers)) {
            LOG.warn(
                    "Policy client property bootstrap.servers={} is replaced by {}={}",
                    given,
                    CameraSourceOptions.POLICY_BOOTSTRAP_SERVERS.key(),
                    servers);
        }
        return PolicyProviderFactory.kafka(
                KafkaClientConfig.of(servers, props),
                config.get(CameraSourceOptions.POLICY_TOPIC),
                config.get(CameraSourceOptions.POLICY_STARTUP_TIMEOUT));
    }
}

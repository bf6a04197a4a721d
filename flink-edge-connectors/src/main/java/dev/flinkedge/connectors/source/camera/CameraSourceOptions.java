package dev.flinkedge.connectors.source.camera;

import static org.apache.flink.configuration.ConfigOptions.key;

import dev.flinkedge.connectors.policy.KafkaPolicyProvider;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;

import java.time.Duration;

/** Options of the {@link CameraSource}; set them through {@link CameraSourceBuilder}. */
@PublicEvolving
public final class CameraSourceOptions {

    public static final ConfigOption<Long> MAX_FRAMES_PER_CAMERA =
            key("camera.max-frames-per-camera")
                    .longType()
                    .defaultValue(0L)
                    .withDescription(
                            "Frames to deliver per camera before its split ends. With a value > 0"
                                    + " the source is bounded (for tests and replays); 0 or less means"
                                    + " unbounded.");

    public static final ConfigOption<Float> JPEG_QUALITY =
            key("camera.jpeg-quality")
                    .floatType()
                    .defaultValue(0.85f)
                    .withDescription("JPEG quality of delivered frames, in (0, 1].");

    public static final ConfigOption<String> POLICY_BOOTSTRAP_SERVERS =
            key("camera.policy.bootstrap-servers")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Kafka bootstrap servers of the camera policy topic. Without it no"
                                    + " policy is followed: every camera delivers its native frame rate"
                                    + " and size.");

    public static final ConfigOption<String> POLICY_TOPIC =
            key("camera.policy.topic")
                    .stringType()
                    .defaultValue(KafkaPolicyProvider.DEFAULT_TOPIC)
                    .withDescription(
                            "Compacted Kafka topic with the newest policy of each camera"
                                    + " (key = camera id, value = JSON). Created if missing.");

    public static final ConfigOption<Duration> POLICY_STARTUP_TIMEOUT =
            key("camera.policy.startup-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How long a reader may take to connect to Kafka and replay"
                                    + " the policy topic before it fails.");

    public static final ConfigOption<Duration> DISCOVERY_INTERVAL =
            key("camera.discovery.interval")
                    .durationType()
                    .defaultValue(Duration.ZERO)
                    .withDescription(
                            "How often to select cameras again (re-reading a catalog file) so that"
                                    + " new cameras join the stream. 0 selects once at start. Not"
                                    + " allowed for a bounded source.");

    public static final ConfigOption<Duration> LIVE_OPEN_TIMEOUT =
            key("camera.live.open-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Bound on connecting to a live (RTSP) camera and on each"
                                    + " socket read from it.");

    public static final ConfigOption<Duration> LIVE_RECONNECT_BACKOFF =
            key("camera.live.reconnect-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription("Pause before reopening a live camera whose stream broke.");

    private CameraSourceOptions() {}
}

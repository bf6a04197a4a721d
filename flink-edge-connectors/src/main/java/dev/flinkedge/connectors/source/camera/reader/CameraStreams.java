package dev.flinkedge.connectors.source.camera.reader;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.policy.PolicyProvider;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.source.camera.reader.feed.FfmpegFeed;
import dev.flinkedge.connectors.source.camera.reader.feed.FrameFeed;
import dev.flinkedge.connectors.source.camera.reader.feed.ImageDirFeed;
import dev.flinkedge.connectors.source.camera.reader.feed.SyntheticFeed;
import dev.flinkedge.connectors.source.camera.split.CameraSplit;

import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens the right {@link CameraStream} for a split: synthetic scenes, video files and image
 * directories are paced here; live streams run their own capture thread. Records each camera's
 * native format as its default policy.
 */
@Internal
public final class CameraStreams {

    private static final Logger LOG = LoggerFactory.getLogger(CameraStreams.class);

    private final CameraReaderSettings settings;
    private final PolicyProvider policies;
    private final Map<String, CameraPolicy> nativePolicies;
    private final CameraClock clock;
    private final AtomicLong unfitPolicies = new AtomicLong();

    /**
     * @param settings reader options
     * @param policies where the current policies come from
     * @param nativePolicies filled with each opened camera's native format: the provider's defaults
     * @param clock pacing and timestamps
     */
    public CameraStreams(
            CameraReaderSettings settings,
            PolicyProvider policies,
            Map<String, CameraPolicy> nativePolicies,
            CameraClock clock) {
        this.settings = settings;
        this.policies = policies;
        this.nativePolicies = nativePolicies;
        this.clock = clock;
    }

    /**
     * Published policies that the cameras opened here ignored because they do not fit the camera
     * (above its native rate or size, below the minimum rate), each version once.
     */
    public long policiesUnfit() {
        return unfitPolicies.get();
    }

    /**
     * Opens the camera of {@code split} where its progress says.
     *
     * @param frameArrived called by a live camera's capture thread when a frame is ready
     * @throws IOException naming the camera and what is wrong with its source
     */
    public CameraStream open(CameraSplit split, Runnable frameArrived) throws IOException {
        CameraDevice device = split.device();
        CameraSpec spec = device.spec();
        FrameFeed feed =
                switch (spec.kind()) {
                    case SYNTHETIC -> new SyntheticFeed(spec, split.sourcePosition());
                    case VIDEO_FILE ->
                            FfmpegFeed.openFile(device.id(), spec, split.sourcePosition());
                    case IMAGE_DIR -> ImageDirFeed.open(device.id(), spec, split.sourcePosition());
                    case RTSP ->
                            FfmpegFeed.openStream(device.id(), spec, settings.liveOpenTimeout());
                };
        NativeFormat nativeFormat = NativeFormat.of(spec, feed);
        nativePolicies.put(device.id(), nativeFormat.asPolicy(device.id()));
        LOG.info(
                "Camera '{}' ({} {}) opened at sequence {}, position {}: native {} fps {}x{}",
                device.id(),
                spec.kind(),
                spec.uri() == null ? "seed " + spec.seed() : spec.uri(),
                split.nextSequence(),
                split.sourcePosition(),
                nativeFormat.fps(),
                nativeFormat.width(),
                nativeFormat.height());
        FrameEncoder encoder = new FrameEncoder(settings.jpegQuality());
        CameraPolicyGate gate =
                new CameraPolicyGate(device.id(), nativeFormat, policies, unfitPolicies);
        if (feed.isLive()) {
            return new LiveCameraStream(
                    device,
                    split.nextSequence(),
                    feed,
                    () -> FfmpegFeed.openStream(device.id(), spec, settings.liveOpenTimeout()),
                    nativeFormat,
                    gate,
                    encoder,
                    clock,
                    settings.maxFramesPerCamera(),
                    settings.liveReconnectBackoff(),
                    frameArrived);
        }
        return new PacedCameraStream(
                device,
                split.nextSequence(),
                feed,
                nativeFormat,
                gate,
                encoder,
                clock,
                settings.maxFramesPerCamera());
    }
}

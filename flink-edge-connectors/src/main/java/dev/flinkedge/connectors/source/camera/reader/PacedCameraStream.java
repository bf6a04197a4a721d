package dev.flinkedge.connectors.source.camera.reader;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.StageTimes;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.reader.feed.FrameFeed;
import dev.flinkedge.connectors.source.camera.reader.feed.SourceImage;

import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * A camera whose native frames are produced on demand (synthetic scene, video file, image
 * directory) and paced here in wall-clock time: native frame {@code n} is due {@code n / fps}
 * seconds after the stream opened, like a live camera. At each due frame the current policy decides
 * whether the frame is kept ({@link FpsSampler}) and at what size it is delivered; dropped frames
 * are skipped without decoding. When the reader falls behind (a slow consumer, a slow decoder) due
 * frames are skipped to catch up with the present instead of being queued.
 */
@Internal
final class PacedCameraStream implements CameraStream {

    private static final Logger LOG = LoggerFactory.getLogger(PacedCameraStream.class);
    private static final long MAX_CATCH_UP_SECONDS = 2;

    private final CameraDevice device;
    private final FrameFeed feed;
    private final CameraPolicyGate policies;
    private final FrameEncoder encoder;
    private final CameraClock clock;
    private final long maxFrames;
    private final NativeFormat nativeFormat;
    private final double nativeFps;
    private final double periodNanos;
    private final FpsSampler sampler = new FpsSampler();
    private long anchorNanos;
    private long anchorWallMs;
    private long anchorPosition;
    private long nextSequence;
    private DeliveredFormat format;
    private boolean finished;

    PacedCameraStream(
            CameraDevice device,
            long nextSequence,
            FrameFeed feed,
            NativeFormat nativeFormat,
            CameraPolicyGate policies,
            FrameEncoder encoder,
            CameraClock clock,
            long maxFrames) {
        this.device = device;
        this.feed = feed;
        this.policies = policies;
        this.encoder = encoder;
        this.clock = clock;
        this.maxFrames = maxFrames;
        this.nextSequence = nextSequence;
        this.nativeFormat = nativeFormat;
        this.nativeFps = nativeFormat.fps();
        this.periodNanos = 1e9 / nativeFps;
        this.finished = maxFrames > 0 && nextSequence >= maxFrames;
        anchor();
    }

    @Override
    public String cameraId() {
        return device.id();
    }

    @Override
    public long readyAtNanos() {
        return anchorNanos + Math.round((feed.position() - anchorPosition) * periodNanos);
    }

    @Override
    public CameraRecord step() throws IOException {
        catchUp();
        long position = feed.position();
        long captureMs =
                anchorWallMs + Math.round((position - anchorPosition) * 1000.0 / nativeFps);
        DeliveredFormat now = deliveredFormat();
        if (!sampler.keep(now.fps(), nativeFps)) {
            if (!feed.skip()) {
                end();
            }
            return null;
        }
        SourceImage image = feed.read();
        if (image == null) {
            end();
            return null;
        }
        FrameEncoder.EncodedImage encoded = encoder.encode(image, now.width(), now.height());
        Frame frame =
                new Frame(
                        encoded.jpeg(),
                        Frame.Encoding.JPEG,
                        encoded.width(),
                        encoded.height(),
                        device.id(),
                        device.location(),
                        captureMs,
                        nextSequence,
                        StageTimes.empty().with("capture", clock.currentTimeMillis()),
                        encoded.truth());
        nextSequence++;
        if (maxFrames > 0 && nextSequence >= maxFrames) {
            LOG.info("Camera '{}' delivered its {} frames", device.id(), maxFrames);
            finished = true;
        }
        return new CameraRecord(frame, feed.position());
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    /** Skips frames that are overdue by more than one period; re-anchors if far behind. */
    private void catchUp() throws IOException {
        long lagNanos = clock.nanoTime() - readyAtNanos();
        long overdue = (long) Math.floor(lagNanos / periodNanos);
        if (overdue <= 0) {
            return;
        }
        long limit = (long) Math.ceil(MAX_CATCH_UP_SECONDS * nativeFps);
        long skipped = 0;
        while (skipped < Math.min(overdue, limit)) {
            if (!feed.skip()) {
                end();
                return;
            }
            skipped++;
        }
        if (overdue > limit) {
            anchor();
        }
        LOG.debug(
                "Camera '{}' was {} ms behind; skipped {} native frames",
                device.id(),
                lagNanos / 1_000_000,
                skipped);
    }

    private DeliveredFormat deliveredFormat() {
        CameraPolicy policy = policies.current();
        DeliveredFormat now =
                DeliveredFormat.of(policy, nativeFps, nativeFormat.width(), nativeFormat.height());
        if (!now.equals(format)) {
            LOG.info(
                    "Camera '{}' delivers {} fps at {}x{} (native {} fps, policy version {})",
                    device.id(),
                    now.fps(),
                    now.width(),
                    now.height(),
                    nativeFps,
                    now.policyVersion());
            format = now;
        }
        return now;
    }

    private void anchor() {
        anchorNanos = clock.nanoTime();
        anchorWallMs = clock.currentTimeMillis();
        anchorPosition = feed.position();
    }

    private void end() {
        LOG.info(
                "Camera '{}' reached the end of its source after {} frames",
                device.id(),
                nextSequence);
        finished = true;
    }

    @Override
    public void close() {
        encoder.close();
        try {
            feed.close();
        } catch (IOException e) {
            LOG.warn("Closing the source of camera '{}' failed", device.id(), e);
        }
    }
}

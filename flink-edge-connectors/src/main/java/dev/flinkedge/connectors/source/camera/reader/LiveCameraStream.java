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
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A live camera (RTSP): a capture thread reads the stream at the device's pace, so the device is
 * never backed up, keeps the frames the current policy asks for ({@link FpsSampler}), scales and
 * encodes them, and leaves the newest one in a one-frame slot. A frame not taken before the next
 * one arrives is dropped and counted: live video is perishable. The fetcher thread takes frames
 * from the slot and numbers them, so delivered sequence numbers have no gaps. A broken stream is
 * reopened after a pause.
 */
@Internal
final class LiveCameraStream implements CameraStream {

    private static final Logger LOG = LoggerFactory.getLogger(LiveCameraStream.class);

    /** Opens (or reopens) the camera's feed. */
    @FunctionalInterface
    interface FeedOpener {
        FrameFeed open() throws IOException;
    }

    private final CameraDevice device;
    private final FeedOpener opener;
    private final NativeFormat nativeFormat;
    private final CameraPolicyGate policies;
    private final FrameEncoder encoder;
    private final CameraClock clock;
    private final long maxFrames;
    private final Duration reconnectBackoff;
    private final Runnable frameArrived;
    private final AtomicReference<Captured> slot = new AtomicReference<>();
    private final AtomicLong dropped = new AtomicLong();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private long nextSequence;
    private boolean finished;

    LiveCameraStream(
            CameraDevice device,
            long nextSequence,
            FrameFeed firstFeed,
            FeedOpener opener,
            NativeFormat nativeFormat,
            CameraPolicyGate policies,
            FrameEncoder encoder,
            CameraClock clock,
            long maxFrames,
            Duration reconnectBackoff,
            Runnable frameArrived) {
        this.device = device;
        this.opener = opener;
        this.nativeFormat = nativeFormat;
        this.policies = policies;
        this.encoder = encoder;
        this.clock = clock;
        this.maxFrames = maxFrames;
        this.reconnectBackoff = reconnectBackoff;
        this.frameArrived = frameArrived;
        this.nextSequence = nextSequence;
        this.finished = maxFrames > 0 && nextSequence >= maxFrames;
        this.thread = new Thread(() -> capture(firstFeed), "flinkedge-camera-" + device.id());
        this.thread.setDaemon(true);
        if (!finished) {
            thread.start();
        }
    }

    @Override
    public String cameraId() {
        return device.id();
    }

    @Override
    public long readyAtNanos() {
        return slot.get() != null ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    @Override
    public CameraRecord step() {
        Captured c = slot.getAndSet(null);
        if (c == null || finished) {
            return null;
        }
        FrameEncoder.EncodedImage e = c.image();
        Frame frame =
                new Frame(
                        e.jpeg(),
                        Frame.Encoding.JPEG,
                        e.width(),
                        e.height(),
                        device.id(),
                        device.location(),
                        c.captureTimeMs(),
                        nextSequence,
                        StageTimes.empty().with("capture", c.encodedAtMs()),
                        e.truth());
        nextSequence++;
        if (maxFrames > 0 && nextSequence >= maxFrames) {
            LOG.info("Camera '{}' delivered its {} frames", device.id(), maxFrames);
            finished = true;
        }
        return new CameraRecord(frame, 0);
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    /** Frames the policy kept but nobody took in time. */
    long droppedFrames() {
        return dropped.get();
    }

    private void capture(FrameFeed firstFeed) {
        FrameFeed feed = firstFeed;
        FpsSampler sampler = new FpsSampler();
        DeliveredFormat format = null;
        while (stop.getCount() > 0) {
            try {
                if (feed == null) {
                    feed = opener.open();
                    LOG.info("Camera '{}' reconnected", device.id());
                }
                CameraPolicy policy = policies.current();
                DeliveredFormat now =
                        DeliveredFormat.of(
                                policy,
                                nativeFormat.fps(),
                                nativeFormat.width(),
                                nativeFormat.height());
                if (!now.equals(format)) {
                    LOG.info(
                            "Camera '{}' delivers {} fps at {}x{} (native {} fps, policy"
                                    + " version {})",
                            device.id(),
                            now.fps(),
                            now.width(),
                            now.height(),
                            nativeFormat.fps(),
                            now.policyVersion());
                    format = now;
                }
                if (!sampler.keep(now.fps(), nativeFormat.fps())) {
                    if (!feed.skip()) {
                        throw new IOException("stream ended");
                    }
                    continue;
                }
                SourceImage image = feed.read();
                long capturedAt = clock.currentTimeMillis();
                if (image == null) {
                    throw new IOException("stream ended");
                }
                FrameEncoder.EncodedImage encoded =
                        encoder.encode(image, now.width(), now.height());
                Captured previous =
                        slot.getAndSet(
                                new Captured(encoded, capturedAt, clock.currentTimeMillis()));
                if (previous != null) {
                    long n = dropped.incrementAndGet();
                    LOG.debug(
                            "Camera '{}' dropped a frame nobody took ({} so far)", device.id(), n);
                }
                frameArrived.run();
            } catch (IOException | RuntimeException e) {
                if (stop.getCount() == 0) {
                    break;
                }
                LOG.warn(
                        "Camera '{}' ({}): {}; reconnecting in {}",
                        device.id(),
                        device.spec().uri(),
                        e.getMessage(),
                        reconnectBackoff);
                closeQuietly(feed);
                feed = null;
                try {
                    if (stop.await(reconnectBackoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        closeQuietly(feed);
        encoder.close();
    }

    private void closeQuietly(FrameFeed feed) {
        if (feed == null) {
            return;
        }
        try {
            feed.close();
        } catch (IOException e) {
            LOG.debug("Closing the stream of camera '{}' failed: {}", device.id(), e.toString());
        }
    }

    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(reconnectBackoff.toMillis() + 10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn(
                    "Capture thread of camera '{}' did not stop; it is a daemon and will exit"
                            + " with its stream",
                    device.id());
        }
        LOG.info(
                "Camera '{}' closed; {} frames delivered, {} dropped",
                device.id(),
                nextSequence,
                dropped.get());
    }

    /** A kept, encoded frame waiting in the slot. */
    private record Captured(
            FrameEncoder.EncodedImage image, long captureTimeMs, long encodedAtMs) {}
}

package dev.flinkedge.connectors.source.camera.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.policy.InMemoryPolicyProvider;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.source.camera.reader.feed.FrameFeed;
import dev.flinkedge.connectors.source.camera.reader.feed.SourceImage;

import org.apache.flink.core.testutils.CommonTestUtils;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live camera path: a capture thread driven by a scripted device that delivers a frame whenever
 * the test releases one.
 */
class LiveCameraStreamTest {

    private static final CameraDevice CAM =
            new CameraDevice(
                    "live-1", new GeoPoint(1, 1), CameraSpec.rtsp("rtsp://camera.invalid/stream"));
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** A device that delivers one native frame per permit and can break once. */
    private static final class ScriptedFeed implements FrameFeed {
        final Semaphore permits = new Semaphore(0);
        volatile boolean breakNext;

        @Override
        public double nativeFps() {
            return 10;
        }

        @Override
        public int nativeWidth() {
            return 320;
        }

        @Override
        public int nativeHeight() {
            return 240;
        }

        @Override
        public long position() {
            return 0;
        }

        @Override
        public boolean isLive() {
            return true;
        }

        @Override
        public SourceImage read() throws IOException {
            awaitFrame();
            return new SourceImage(new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR), null);
        }

        @Override
        public boolean skip() throws IOException {
            awaitFrame();
            return true;
        }

        private void awaitFrame() throws IOException {
            try {
                if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IOException("no frame");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (breakNext) {
                breakNext = false;
                throw new IOException("connection reset");
            }
        }

        @Override
        public void close() {}
    }

    @Test
    void deliversNumberedFramesAtThePolicyRateAndSize() throws Exception {
        ScriptedFeed feed = new ScriptedFeed();
        InMemoryPolicyProvider policies =
                new InMemoryPolicyProvider(cam -> CameraPolicy.of(cam, 10, 320, 240));
        policies.update(CameraPolicy.of("live-1", 5, 160, 120));
        BlockingQueue<Boolean> signals = new ArrayBlockingQueue<>(1000);
        LiveCameraStream s =
                new LiveCameraStream(
                        CAM,
                        7,
                        feed,
                        () -> feed,
                        new NativeFormat(10, 320, 240),
                        new CameraPolicyGate(
                                "live-1",
                                new NativeFormat(10, 320, 240),
                                policies,
                                new AtomicLong()),
                        new FrameEncoder(0.8f),
                        CameraClock.SYSTEM,
                        0,
                        Duration.ofMillis(10),
                        () -> signals.offer(true));
        try {
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                feed.permits.release();
                if (i % 2 == 0) {
                    assertThat(signals.poll(20, TimeUnit.SECONDS)).isTrue();
                    frames.add(s.step().frame());
                }
            }
            assertThat(s.readyAtNanos()).isEqualTo(Long.MAX_VALUE);
            assertThat(frames).extracting(Frame::sequence).containsExactly(7L, 8L, 9L);
            assertThat(frames).allSatisfy(f -> assertThat(f.width()).isEqualTo(160));
        } finally {
            feed.permits.release(100);
            s.close();
        }
    }

    @Test
    void untakenFramesAreDroppedAndABrokenStreamIsReopened() throws Exception {
        ScriptedFeed feed = new ScriptedFeed();
        AtomicInteger opens = new AtomicInteger();
        InMemoryPolicyProvider policies =
                new InMemoryPolicyProvider(cam -> CameraPolicy.of(cam, 10, 320, 240));
        AtomicInteger signals = new AtomicInteger();
        LiveCameraStream s =
                new LiveCameraStream(
                        CAM,
                        0,
                        feed,
                        () -> {
                            opens.incrementAndGet();
                            return feed;
                        },
                        new NativeFormat(10, 320, 240),
                        new CameraPolicyGate(
                                "live-1",
                                new NativeFormat(10, 320, 240),
                                policies,
                                new AtomicLong()),
                        new FrameEncoder(0.8f),
                        CameraClock.SYSTEM,
                        0,
                        Duration.ofMillis(10),
                        signals::incrementAndGet);
        try {
            feed.permits.release(3);
            CommonTestUtils.waitUtil(() -> signals.get() == 3, TIMEOUT, "three frames captured");
            assertThat(s.droppedFrames()).isEqualTo(2);
            assertThat(s.step().frame().sequence()).isZero();

            feed.breakNext = true;
            feed.permits.release(2);
            CommonTestUtils.waitUtil(() -> signals.get() == 4, TIMEOUT, "frame after reconnect");
            assertThat(opens.get()).isEqualTo(1);
            assertThat(s.step().frame().sequence()).isEqualTo(1);
        } finally {
            feed.permits.release(100);
            s.close();
        }
    }
}

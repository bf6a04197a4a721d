package dev.flinkedge.connectors.source.camera.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.policy.InMemoryPolicyProvider;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.source.camera.reader.feed.SyntheticFeed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pacing, sampling, policy changes, catching up and restoring of a paced camera, on a manual clock.
 */
class PacedCameraStreamTest {

    private static final CameraSpec SPEC = CameraSpec.synthetic(5, 10, 320, 180);
    private static final CameraDevice CAM = new CameraDevice("cam-1", new GeoPoint(1, 1), SPEC);

    private final ManualClock clock = new ManualClock();
    private final InMemoryPolicyProvider policies =
            new InMemoryPolicyProvider(cam -> CameraPolicy.of(cam, 10, 320, 180));

    private PacedCameraStream open(long nextSequence, long position, long maxFrames) {
        SyntheticFeed feed = new SyntheticFeed(SPEC, position);
        return new PacedCameraStream(
                CAM,
                nextSequence,
                feed,
                NativeFormat.of(SPEC, feed),
                new CameraPolicyGate(
                        CAM.id(), NativeFormat.of(SPEC, feed), policies, new AtomicLong()),
                new FrameEncoder(0.8f),
                clock,
                maxFrames);
    }

    /** Runs the stream like the split reader does, for {@code ms} of manual time. */
    private List<Frame> run(PacedCameraStream s, long ms) throws IOException {
        long end = clock.nanoTime() + ms * 1_000_000L;
        List<Frame> out = new ArrayList<>();
        while (s.readyAtNanos() < end && !s.isFinished()) {
            clock.advanceTo(s.readyAtNanos());
            CameraRecord r = s.step();
            if (r != null) {
                out.add(r.frame());
            }
        }
        clock.advanceTo(end);
        return out;
    }

    @Test
    void deliversNativeFramesAtNativePaceWithContiguousSequences() throws IOException {
        try (PacedCameraStream s = open(0, 0, 0)) {
            long start = clock.currentTimeMillis();
            List<Frame> frames = run(s, 1000);

            assertThat(frames).hasSize(10);
            assertThat(frames)
                    .extracting(Frame::sequence)
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(frames.get(3).captureTimeMs()).isEqualTo(start + 300);
            assertThat(frames.get(0).stageTimes().get("capture")).isEqualTo(start);
            assertThat(frames.get(0).width()).isEqualTo(320);
            assertThat(frames.get(0).groundTruth()).isNotNull();
        }
    }

    @Test
    void aPolicyChangeAppliesAtTheNextNativeFrame() throws IOException {
        try (PacedCameraStream s = open(0, 0, 0)) {
            run(s, 1000);
            policies.update(CameraPolicy.of("cam-1", 2, 160, 90).withVersion(1));
            long changedAt = clock.currentTimeMillis();

            List<Frame> frames = run(s, 3000);

            assertThat(frames.get(0).captureTimeMs() - changedAt).isLessThanOrEqualTo(100);
            assertThat(frames)
                    .allSatisfy(
                            f -> {
                                assertThat(f.width()).isEqualTo(160);
                                assertThat(f.height()).isEqualTo(90);
                            });
            assertThat(frames).hasSize(6);
            for (int i = 1; i < frames.size(); i++) {
                assertThat(frames.get(i).captureTimeMs() - frames.get(i - 1).captureTimeMs())
                        .isEqualTo(500);
                assertThat(frames.get(i).sequence()).isEqualTo(frames.get(i - 1).sequence() + 1);
            }
        }
    }

    @Test
    void aLaggingReaderSkipsOverdueFramesInsteadOfQueueingThem() throws IOException {
        try (PacedCameraStream s = open(0, 0, 0)) {
            run(s, 100);
            clock.advanceMillis(750);

            CameraRecord next = s.step();

            assertThat(next.frame().sequence()).isEqualTo(1);
            assertThat(next.nextSourcePosition()).isEqualTo(9);
            assertThat(next.frame().captureTimeMs()).isEqualTo(clock.currentTimeMillis() - 50);
        }
    }

    @Test
    void boundedCamerasFinishAfterMaxFramesAndRestoresContinue() throws IOException {
        List<Frame> first;
        long position;
        try (PacedCameraStream s = open(0, 0, 5)) {
            first = run(s, 2000);
            assertThat(s.isFinished()).isTrue();
        }
        assertThat(first).hasSize(5);

        try (PacedCameraStream restored = open(3, 3, 5)) {
            List<Frame> again = run(restored, 2000);
            assertThat(again).extracting(Frame::sequence).containsExactly(3L, 4L);
            assertThat(again.get(0).image()).isEqualTo(first.get(3).image());
            assertThat(again.get(0).groundTruth()).isEqualTo(first.get(3).groundTruth());
        }
        try (PacedCameraStream done = open(5, 5, 5)) {
            assertThat(done.isFinished()).isTrue();
        }
    }
}

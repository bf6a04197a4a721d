package dev.flinkedge.jobs.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.Frame;

import org.junit.jupiter.api.Test;

import java.util.List;

class SequencedCamerasTest {

    private static final double FPS = 10;
    private static final List<String> CAMERAS = List.of("cam-1", "cam-2");

    @Test
    void liveCamerasStartEveryRunAtTheLiveFrame() {
        SequencedCameras.SequencedFrames frames =
                new SequencedCameras.SequencedFrames(CAMERAS, SequencedCameras.LIVE, FPS);
        frames.open(null);

        long liveBefore = SequencedCameras.sequenceAt(System.currentTimeMillis(), FPS);
        Frame first = frames.map(0L);

        assertThat(first.sequence()).isGreaterThanOrEqualTo(liveBefore);
        assertThat(first.cameraId()).isEqualTo("cam-1");
        assertThat(frames.map(1L).sequence()).isEqualTo(first.sequence());
        assertThat(frames.map(2L).sequence()).isEqualTo(first.sequence() + 1);
    }

    @Test
    void resumableCamerasNumberEveryRunFromWhenTheJobWasBuilt() {
        long builtFirst = SequencedCameras.sequenceAt(System.currentTimeMillis() - 60_000, FPS);
        SequencedCameras.SequencedFrames frames =
                new SequencedCameras.SequencedFrames(CAMERAS, builtFirst, FPS);

        frames.open(null);
        assertThat(frames.map(0L).sequence()).isEqualTo(builtFirst);
        // A restore from a checkpoint, in a new run.
        frames.open(null);
        Frame resumed = frames.map(41L);

        assertThat(resumed.cameraId()).isEqualTo("cam-2");
        assertThat(resumed.sequence()).isEqualTo(builtFirst + 20);
    }
}

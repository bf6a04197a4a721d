package dev.flinkedge.jobs.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.Frame;

import org.junit.jupiter.api.Test;

import java.util.List;

class SequencedCamerasTest {

    private static final double FPS = 10;
    private static final List<String> CAMERAS = List.of("cam-1", "cam-2");

    @Test
    void aRunWithoutACheckpointStartsAtTheLiveFrameNotAtTheJobsFirstNumber() {
        long builtAt = System.currentTimeMillis() - 60_000;
        long builtFirst = SequencedCameras.sequenceAt(builtAt, FPS);
        SequencedCameras.SequencedFrames frames =
                new SequencedCameras.SequencedFrames(CAMERAS, builtFirst, FPS);
        frames.open(null);

        long liveBefore = SequencedCameras.sequenceAt(System.currentTimeMillis(), FPS);
        Frame first = frames.map(0L);

        // A minute after the job was built, so some 600 numbers past its first one.
        assertThat(first.sequence()).isGreaterThanOrEqualTo(liveBefore);
        assertThat(first.sequence() - builtFirst).isGreaterThanOrEqualTo(590);
        assertThat(first.cameraId()).isEqualTo("cam-1");
        assertThat(frames.map(1L).sequence()).isEqualTo(first.sequence());
        assertThat(frames.map(2L).sequence()).isEqualTo(first.sequence() + 1);
    }

    @Test
    void aRestoreFromACheckpointGoesOnWithTheJobsNumbering() {
        long builtFirst = SequencedCameras.sequenceAt(System.currentTimeMillis() - 60_000, FPS);
        SequencedCameras.SequencedFrames frames =
                new SequencedCameras.SequencedFrames(CAMERAS, builtFirst, FPS);
        frames.open(null);

        Frame resumed = frames.map(41L);

        assertThat(resumed.cameraId()).isEqualTo("cam-2");
        assertThat(resumed.sequence()).isEqualTo(builtFirst + 20);
    }
}

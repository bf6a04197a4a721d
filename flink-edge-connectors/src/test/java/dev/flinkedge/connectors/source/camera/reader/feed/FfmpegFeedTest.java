package dev.flinkedge.connectors.source.camera.reader.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.testutil.TestAssets;
import dev.flinkedge.connectors.testutil.TestVideos;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decoding video files with FFmpeg: a video made by the test, and the OpenCV sample video {@code
 * bin/fetch-assets} fetches.
 */
class FfmpegFeedTest {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegFeedTest.class);
    private static Path video;

    @BeforeAll
    static void makeVideo() throws IOException {
        video = TestVideos.write(Path.of("target", "media", "feed-test.mp4"), 30, 10, 320, 240);
    }

    @Test
    void decodesEveryFrameWithTheFilesRateAndSize() throws IOException {
        try (FfmpegFeed feed =
                FfmpegFeed.openFile("cam-v", CameraSpec.videoFile(video.toString(), false), 0)) {
            assertThat(feed.nativeFps()).isEqualTo(10.0);
            assertThat(feed.nativeWidth()).isEqualTo(320);
            assertThat(feed.nativeHeight()).isEqualTo(240);
            assertThat(feed.isLive()).isFalse();
            int n = 0;
            SourceImage image;
            while ((image = feed.read()) != null) {
                assertThat(image.image().getWidth()).isEqualTo(320);
                n++;
            }
            assertThat(n).isEqualTo(30);
            assertThat(feed.position()).isEqualTo(30);
        }
    }

    @Test
    void skipsWithoutConvertingStartsAtAPositionAndLoops() throws IOException {
        CameraSpec looping = CameraSpec.videoFile(video.toString(), true);
        try (FfmpegFeed feed = FfmpegFeed.openFile("cam-v", looping, 25)) {
            assertThat(feed.position()).isEqualTo(25);
            for (int i = 0; i < 5; i++) {
                assertThat(feed.skip()).isTrue();
            }
            assertThat(feed.position()).isEqualTo(30);
            assertThat(feed.read()).isNotNull();
            assertThat(feed.position()).isEqualTo(1);
        }
        try (FfmpegFeed once =
                FfmpegFeed.openFile("cam-v", CameraSpec.videoFile(video.toString(), false), 29)) {
            assertThat(once.skip()).isTrue();
            assertThat(once.skip()).isFalse();
            assertThat(once.read()).isNull();
        }
    }

    @Test
    void aMissingFileIsReportedWithItsPathAndTheFix() {
        Path missing = Path.of("target", "media", "no-such-video.mp4");

        assertThatThrownBy(
                        () ->
                                FfmpegFeed.openFile(
                                        "cam-x",
                                        CameraSpec.videoFile(missing.toString(), false),
                                        0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("cam-x")
                .hasMessageContaining("does not exist")
                .hasMessageContaining("fix the camera's uri");
    }

    @Test
    void aFileThatIsNotAVideoIsReported() throws IOException {
        Path junk = Files.writeString(Path.of("target", "media", "junk.mp4"), "not a video");

        assertThatThrownBy(
                        () ->
                                FfmpegFeed.openFile(
                                        "cam-j", CameraSpec.videoFile(junk.toString(), false), 0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("FFmpeg cannot open");
    }

    @Test
    void decodeRateAtTheSizeOfTheOpencvSample() throws IOException {
        Path large =
                TestVideos.write(Path.of("target", "media", "rate-test.mp4"), 200, 10, 768, 576);
        try (FfmpegFeed feed =
                FfmpegFeed.openFile("cam-r", CameraSpec.videoFile(large.toString(), false), 0)) {
            long t0 = System.nanoTime();
            int decoded = 0;
            while (feed.read() != null) {
                decoded++;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            LOG.info(
                    "Decoded {} MPEG-4 frames of 768x576 to BGR images in {} s: {} frames/s",
                    decoded,
                    String.format("%.2f", seconds),
                    String.format("%.0f", decoded / seconds));
            assertThat(decoded).isEqualTo(200);
        }
    }

    @Test
    void decodesTheOpencvSampleVideo() throws IOException {
        Path vtest = TestAssets.media("vtest.avi");
        try (FfmpegFeed feed =
                FfmpegFeed.openFile("vtest", CameraSpec.videoFile(vtest.toString(), false), 0)) {
            assertThat(feed.nativeWidth()).isEqualTo(768);
            assertThat(feed.nativeHeight()).isEqualTo(576);
            long t0 = System.nanoTime();
            int n = 0;
            while (feed.read() != null) {
                n++;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            LOG.info(
                    "Decoded {} frames of {} in {} s: {} frames/s",
                    n,
                    vtest,
                    String.format("%.2f", seconds),
                    String.format("%.0f", n / seconds));
            assertThat(n).isEqualTo(795);
        }
    }
}

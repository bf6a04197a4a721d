package dev.flinkedge.connectors.source.camera.reader.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.testutil.TestVideos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Frames from a directory of images. */
class ImageDirFeedTest {

    @TempDir Path tmp;

    @Test
    void readsTheImagesInNameOrderAndLoops() throws IOException {
        Path dir = TestVideos.imageDir(tmp.resolve("frames"), 3, 160, 120);
        try (ImageDirFeed feed =
                ImageDirFeed.open("cam-d", CameraSpec.imageDir(dir.toString(), 2, true), 4)) {
            assertThat(feed.nativeWidth()).isEqualTo(160);
            assertThat(feed.position()).isEqualTo(1);
            assertThat(feed.read()).isNotNull();
            assertThat(feed.skip()).isTrue();
            assertThat(feed.position()).isEqualTo(3);
            assertThat(feed.read().image().getHeight()).isEqualTo(120);
            assertThat(feed.position()).isEqualTo(1);
        }
    }

    @Test
    void endsWithoutLoopAndExplainsBadDirectories() throws IOException {
        Path dir = TestVideos.imageDir(tmp.resolve("frames"), 2, 64, 48);
        try (ImageDirFeed feed =
                ImageDirFeed.open("cam-d", CameraSpec.imageDir(dir.toString(), 2, false), 0)) {
            assertThat(feed.read()).isNotNull();
            assertThat(feed.read()).isNotNull();
            assertThat(feed.read()).isNull();
            assertThat(feed.skip()).isFalse();
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(
                        () ->
                                ImageDirFeed.open(
                                        "cam-e",
                                        CameraSpec.imageDir(empty.toString(), 1, false),
                                        0))
                .hasMessageContaining("no .jpg, .jpeg or .png files");
        assertThatThrownBy(
                        () ->
                                ImageDirFeed.open(
                                        "cam-m",
                                        CameraSpec.imageDir(
                                                tmp.resolve("missing").toString(), 1, false),
                                        0))
                .hasMessageContaining("does not exist")
                .hasMessageContaining("cam-m");
    }
}

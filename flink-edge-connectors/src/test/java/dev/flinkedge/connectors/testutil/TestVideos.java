package dev.flinkedge.connectors.testutil;

import dev.flinkedge.connectors.source.camera.synthetic.SyntheticTrafficScene;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Test media made on the spot: videos encoded with FFmpeg and image directories. */
public final class TestVideos {

    private TestVideos() {}

    /**
     * Encodes {@code frames} frames of a synthetic scene (MPEG-4 part 2, which every FFmpeg build
     * can encode) into {@code file}, each with its frame number drawn in the corner.
     */
    public static Path write(Path file, int frames, double fps, int width, int height)
            throws IOException {
        Files.createDirectories(file.getParent());
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        SyntheticTrafficScene scene = new SyntheticTrafficScene(1, width, height);
        try (FFmpegFrameRecorder recorder =
                        new FFmpegFrameRecorder(file.toFile(), width, height, 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(fps);
            recorder.setVideoBitrate(2_000_000);
            recorder.setGopSize(10);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                BufferedImage image = numbered(scene.render(Math.round(i * 1000 / fps)).image(), i);
                recorder.record(converter.convert(image));
            }
            recorder.stop();
        }
        return file;
    }

    /** Writes {@code n} numbered PNG images into {@code dir}. */
    public static Path imageDir(Path dir, int n, int width, int height) throws IOException {
        Files.createDirectories(dir);
        SyntheticTrafficScene scene = new SyntheticTrafficScene(2, width, height);
        for (int i = 0; i < n; i++) {
            BufferedImage image = numbered(scene.render(i * 500L).image(), i);
            ImageIO.write(image, "png", dir.resolve(String.format("frame-%03d.png", i)).toFile());
        }
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        return dir;
    }

    private static BufferedImage numbered(BufferedImage image, int n) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 90, 34);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 26));
        g.drawString(String.format("%03d", n), 6, 27);
        g.dispose();
        return image;
    }
}

package dev.flinkedge.connectors.source.camera.reader.feed;

import dev.flinkedge.connectors.source.camera.CameraSpec;

import org.apache.flink.annotation.Internal;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Frames of a video file or a live stream (RTSP and other URLs) decoded by FFmpeg through JavaCV. A
 * file can start at a frame index and loop; a live stream is read at the device's pace over TCP,
 * with socket reads bounded by the open timeout. The image of {@link #read()} is reused by the next
 * call.
 */
@Internal
public final class FfmpegFeed implements FrameFeed {

    static {
        // Failures surface as exceptions with FFmpeg's message; its own log would go to stderr.
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    private final String cameraId;
    private final String uri;
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final boolean live;
    private final boolean loop;
    private final double fps;
    private long position;

    private FfmpegFeed(
            String cameraId,
            String uri,
            FFmpegFrameGrabber grabber,
            boolean live,
            boolean loop,
            double fps,
            long position) {
        this.cameraId = cameraId;
        this.uri = uri;
        this.grabber = grabber;
        this.live = live;
        this.loop = loop;
        this.fps = fps;
        this.position = position;
    }

    /**
     * Opens a video file at frame {@code position}.
     *
     * @throws IOException naming the file when it is missing or FFmpeg cannot decode it
     */
    public static FfmpegFeed openFile(String cameraId, CameraSpec spec, long position)
            throws IOException {
        Path file = Path.of(spec.uri());
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    "Video file "
                            + file.toAbsolutePath()
                            + " of camera '"
                            + cameraId
                            + "' does not exist or is not a file; fix the camera's uri");
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        double fps = start(cameraId, spec, grabber);
        FfmpegFeed feed = new FfmpegFeed(cameraId, spec.uri(), grabber, false, spec.loop(), fps, 0);
        feed.seek(position);
        return feed;
    }

    /**
     * Connects to a live stream.
     *
     * @param timeout bound on connecting and on each socket read
     * @throws IOException naming the URL when the stream cannot be opened
     */
    public static FfmpegFeed openStream(String cameraId, CameraSpec spec, Duration timeout)
            throws IOException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(spec.uri());
        if (spec.uri().startsWith("rtsp")) {
            grabber.setOption("rtsp_transport", "tcp");
        }
        grabber.setOption("timeout", Long.toString(timeout.toNanos() / 1000));
        double fps = start(cameraId, spec, grabber);
        return new FfmpegFeed(cameraId, spec.uri(), grabber, true, false, fps, 0);
    }

    private static double start(String cameraId, CameraSpec spec, FFmpegFrameGrabber grabber)
            throws IOException {
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new IOException(
                    "FFmpeg cannot open "
                            + spec.uri()
                            + " of camera '"
                            + cameraId
                            + "': "
                            + e.getMessage(),
                    e);
        }
        double fps = spec.fps() > 0 ? spec.fps() : grabber.getVideoFrameRate();
        if (!(fps > 0) || Double.isInfinite(fps)) {
            closeQuietly(grabber);
            throw new IOException(
                    "Cannot tell the frame rate of "
                            + spec.uri()
                            + " of camera '"
                            + cameraId
                            + "' (FFmpeg reports "
                            + fps
                            + "); set fps in the camera's spec");
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly(grabber);
            throw new IOException(spec.uri() + " of camera '" + cameraId + "' has no video stream");
        }
        return fps;
    }

    @Override
    public double nativeFps() {
        return fps;
    }

    @Override
    public int nativeWidth() {
        return grabber.getImageWidth();
    }

    @Override
    public int nativeHeight() {
        return grabber.getImageHeight();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public boolean isLive() {
        return live;
    }

    @Override
    public SourceImage read() throws IOException {
        Frame frame = grab(true);
        if (frame == null) {
            return null;
        }
        BufferedImage image = converter.convert(frame);
        if (image == null) {
            throw new IOException(
                    "FFmpeg returned an empty picture at frame " + (position - 1) + " of " + uri);
        }
        return new SourceImage(image, null);
    }

    @Override
    public boolean skip() throws IOException {
        return grab(false) != null;
    }

    /** The next video frame, converted to BGR only if {@code convert}; null at the end. */
    private Frame grab(boolean convert) throws IOException {
        Frame frame = grabVideo(convert);
        if (frame == null && loop) {
            seek(0);
            frame = grabVideo(convert);
        }
        if (frame != null) {
            position++;
        }
        return frame;
    }

    private Frame grabVideo(boolean convert) throws IOException {
        try {
            Frame f;
            do {
                f = grabber.grabFrame(false, true, convert, false, false);
            } while (f != null && f.image == null && convert);
            return f;
        } catch (FrameGrabber.Exception e) {
            throw new IOException(
                    "FFmpeg failed reading "
                            + uri
                            + " of camera '"
                            + cameraId
                            + "' at frame "
                            + position
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private void seek(long frameIndex) throws IOException {
        long target = frameIndex;
        int length = grabber.getLengthInVideoFrames();
        if (loop && length > 0) {
            target = frameIndex % length;
        }
        if (target > 0) {
            try {
                grabber.setVideoFrameNumber((int) Math.min(Integer.MAX_VALUE, target));
            } catch (FrameGrabber.Exception e) {
                throw new IOException(
                        "Cannot seek "
                                + uri
                                + " of camera '"
                                + cameraId
                                + "' to frame "
                                + target
                                + ": "
                                + e.getMessage(),
                        e);
            }
        } else if (position > 0) {
            try {
                grabber.setTimestamp(0);
            } catch (FrameGrabber.Exception e) {
                throw new IOException(
                        "Cannot rewind " + uri + " of camera '" + cameraId + "': " + e.getMessage(),
                        e);
            }
        }
        position = target;
    }

    @Override
    public void close() throws IOException {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("Cannot close FFmpeg reader of " + uri, e);
        } finally {
            converter.close();
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // The open already failed; that error is the one to report.
        }
    }
}

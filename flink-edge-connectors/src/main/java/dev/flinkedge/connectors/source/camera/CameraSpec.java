package dev.flinkedge.connectors.source.camera;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.util.Locale;

/**
 * What a camera is and how to read it: a synthetic traffic scene, a video file, a live stream
 * (RTSP) or a directory of images, with its native frame rate and size and whether a finite source
 * loops. Validated at construction; the message names the field and the fix.
 *
 * <pre>{@code
 * CameraSpec.synthetic(42, 10, 1280, 720);
 * CameraSpec.videoFile("/data/junction.mp4", true);
 * CameraSpec.rtsp("rtsp://10.0.0.7:554/stream1");
 * CameraSpec.imageDir("/data/frames", 2, false);
 * }</pre>
 *
 * @param kind the kind of camera
 * @param uri file path, directory or stream URL; null for {@link Kind#SYNTHETIC}
 * @param seed seed of a synthetic scene; ignored by other kinds
 * @param fps native frames per second; 0 means "as the file or stream says" (video kinds only)
 * @param width native width in pixels; 0 (with height 0) means "as the source delivers"
 * @param height native height in pixels; 0 (with width 0) means "as the source delivers"
 * @param loop whether a video file or image directory starts over at its end
 */
@PublicEvolving
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraSpec(
        Kind kind, String uri, long seed, double fps, int width, int height, boolean loop)
        implements Serializable {

    public CameraSpec {
        if (kind == null) {
            throw new IllegalArgumentException(
                    "Camera kind is required: SYNTHETIC, VIDEO_FILE, RTSP or IMAGE_DIR");
        }
        if (!(fps >= 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException(
                    "Camera fps " + fps + " must be a finite number >= 0");
        }
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException(
                    "Camera size "
                            + width
                            + "x"
                            + height
                            + " must be two positive numbers, or 0x0 for the source's own size");
        }
        switch (kind) {
            case SYNTHETIC -> {
                if (uri != null) {
                    throw new IllegalArgumentException(
                            "A SYNTHETIC camera has a seed, not a uri (" + uri + ")");
                }
                if (fps <= 0 || width == 0) {
                    throw new IllegalArgumentException(
                            "A SYNTHETIC camera needs fps > 0 and a size;"
                                    + " got fps "
                                    + fps
                                    + ", size "
                                    + width
                                    + "x"
                                    + height);
                }
            }
            case VIDEO_FILE -> requireUri(kind, uri, "a video file path");
            case RTSP -> {
                requireUri(kind, uri, "a stream URL such as rtsp://host:554/path");
                if (!uri.contains("://")) {
                    throw new IllegalArgumentException(
                            "RTSP camera uri '"
                                    + uri
                                    + "' is not a URL; expected e.g. rtsp://host:554/path");
                }
                if (loop) {
                    throw new IllegalArgumentException(
                            "A live RTSP stream cannot loop (" + uri + ")");
                }
            }
            case IMAGE_DIR -> {
                requireUri(kind, uri, "a directory of JPEG/PNG files");
                if (fps <= 0) {
                    throw new IllegalArgumentException(
                            "An IMAGE_DIR camera needs fps > 0 (how fast"
                                    + " to play the images); got "
                                    + fps
                                    + " for "
                                    + uri);
                }
            }
        }
    }

    /** A synthetic traffic scene. */
    public static CameraSpec synthetic(long seed, double fps, int width, int height) {
        return new CameraSpec(Kind.SYNTHETIC, null, seed, fps, width, height, false);
    }

    /** A video file at its own frame rate and size. */
    public static CameraSpec videoFile(String path, boolean loop) {
        return new CameraSpec(Kind.VIDEO_FILE, path, 0, 0, 0, 0, loop);
    }

    /** A live stream at its own frame rate and size. */
    public static CameraSpec rtsp(String url) {
        return new CameraSpec(Kind.RTSP, url, 0, 0, 0, 0, false);
    }

    /** The sorted JPEG/PNG files of a directory, played at {@code fps}, at their own size. */
    public static CameraSpec imageDir(String directory, double fps, boolean loop) {
        return new CameraSpec(Kind.IMAGE_DIR, directory, 0, fps, 0, 0, loop);
    }

    /** A copy with a declared native rate (0 = the source's own). */
    public CameraSpec withFps(double newFps) {
        return new CameraSpec(kind, uri, seed, newFps, width, height, loop);
    }

    /** A copy with a declared native size; frames are scaled to it before any policy applies. */
    public CameraSpec withSize(int newWidth, int newHeight) {
        return new CameraSpec(kind, uri, seed, fps, newWidth, newHeight, loop);
    }

    private static void requireUri(Kind kind, String uri, String what) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("A " + kind + " camera needs a uri: " + what);
        }
    }

    /** Kinds of camera. Persisted by {@link #code()}, never by ordinal. */
    public enum Kind {
        SYNTHETIC(0),
        VIDEO_FILE(1),
        RTSP(2),
        IMAGE_DIR(3);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        /** The stable code written to checkpoints. */
        public int code() {
            return code;
        }

        /** The kind with {@code code}. */
        public static Kind ofCode(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalArgumentException(
                    "Unknown camera kind code "
                            + code
                            + "; the checkpoint was written by a newer flink-edge");
        }

        /** Parses a kind name case-insensitively. */
        public static Kind parse(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }
}

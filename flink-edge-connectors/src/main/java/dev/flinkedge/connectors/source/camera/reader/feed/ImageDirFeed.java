package dev.flinkedge.connectors.source.camera.reader.feed;

import dev.flinkedge.connectors.source.camera.CameraSpec;

import org.apache.flink.annotation.Internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * Frames from the JPEG and PNG files of a directory, in file-name order, at the spec's frame rate;
 * optionally starting over after the last file. The file list is read once when the feed opens.
 */
@Internal
public final class ImageDirFeed implements FrameFeed {

    private final Path directory;
    private final List<Path> files;
    private final double fps;
    private final boolean loop;
    private final int width;
    private final int height;
    private long position;

    private ImageDirFeed(
            Path directory, List<Path> files, CameraSpec spec, long position, BufferedImage first) {
        this.directory = directory;
        this.files = files;
        this.fps = spec.fps();
        this.loop = spec.loop();
        this.width = first.getWidth();
        this.height = first.getHeight();
        this.position = loop ? position % files.size() : position;
    }

    /**
     * Lists the directory of {@code spec} and reads its first image.
     *
     * @param cameraId for error messages
     * @throws IOException naming the directory when it is missing, empty or unreadable
     */
    public static ImageDirFeed open(String cameraId, CameraSpec spec, long position)
            throws IOException {
        Path dir = Path.of(spec.uri());
        if (!Files.isDirectory(dir)) {
            throw new IOException(
                    "Image directory "
                            + dir.toAbsolutePath()
                            + " of camera '"
                            + cameraId
                            + "' does not exist or is not a directory; fix the camera's uri");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(ImageDirFeed::isImage).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(
                    "Image directory "
                            + dir.toAbsolutePath()
                            + " of camera '"
                            + cameraId
                            + "' has no .jpg, .jpeg or .png files");
        }
        return new ImageDirFeed(dir, files, spec, position, decode(files.get(0)));
    }

    @Override
    public double nativeFps() {
        return fps;
    }

    @Override
    public int nativeWidth() {
        return width;
    }

    @Override
    public int nativeHeight() {
        return height;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public SourceImage read() throws IOException {
        if (!wrapIfNeeded()) {
            return null;
        }
        BufferedImage image = decode(files.get((int) position));
        position++;
        return new SourceImage(image, null);
    }

    @Override
    public boolean skip() {
        if (!wrapIfNeeded()) {
            return false;
        }
        position++;
        return true;
    }

    private boolean wrapIfNeeded() {
        if (position < files.size()) {
            return true;
        }
        if (!loop) {
            return false;
        }
        position = 0;
        return true;
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p)
                && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
    }

    private static BufferedImage decode(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(
                    "Cannot decode image "
                            + file.toAbsolutePath()
                            + "; is it a valid JPEG or PNG?");
        }
        return image;
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
        return "ImageDirFeed{" + directory + ", " + files.size() + " files}";
    }
}

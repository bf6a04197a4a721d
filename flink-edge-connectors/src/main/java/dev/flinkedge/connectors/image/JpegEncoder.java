package dev.flinkedge.connectors.image;

import org.apache.flink.annotation.PublicEvolving;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes pictures as JPEG (ImageIO) at one quality, reusing its writer and buffer: camera frames
 * in the readers, vehicle crops in the jobs. Pictures with alpha are flattened first (JPEG has
 * none). Not thread-safe: one per thread or operator instance.
 */
@PublicEvolving
public final class JpegEncoder implements AutoCloseable {

    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);

    /**
     * @param quality JPEG quality in (0, 1]
     * @throws IllegalArgumentException if {@code quality} is outside (0, 1]
     */
    public JpegEncoder(float quality) {
        if (!(quality > 0 && quality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1] but was " + quality);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("This JVM has no ImageIO JPEG writer");
        }
        this.writer = writers.next();
        this.param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
    }

    /**
     * The JPEG bytes of {@code image}.
     *
     * @throws UncheckedIOException if ImageIO cannot write it
     */
    public byte[] encode(BufferedImage image) {
        BufferedImage opaque = image.getColorModel().hasAlpha() ? withoutAlpha(image) : image;
        buffer.reset();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(buffer)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(opaque, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot encode a "
                            + image.getWidth()
                            + "x"
                            + image.getHeight()
                            + " image as JPEG",
                    e);
        } finally {
            writer.setOutput(null);
        }
        return buffer.toByteArray();
    }

    @Override
    public void close() {
        writer.dispose();
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        BufferedImage rgb =
                new BufferedImage(
                        image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}

package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.api.Frame;
import dev.flinkedge.jobs.vision.Box;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Decoding frames and crops, cutting vehicles out of frames and encoding them as JPEG. */
public final class VehicleImages {

    private VehicleImages() {}

    /** The picture of {@code frame}. */
    public static BufferedImage decode(Frame frame) {
        if (frame.encoding() == Frame.Encoding.RAW_BGR) {
            BufferedImage image = new BufferedImage(frame.width(), frame.height(),
                    BufferedImage.TYPE_3BYTE_BGR);
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            System.arraycopy(frame.image(), 0, pixels, 0, pixels.length);
            return image;
        }
        BufferedImage image = read(frame.image());
        if (image == null) {
            throw new IllegalArgumentException("Frame " + frame + " is not a readable "
                    + frame.encoding() + " image");
        }
        return image;
    }

    /** The picture of JPEG {@code bytes}. */
    public static BufferedImage decodeJpeg(byte[] bytes) {
        BufferedImage image = read(bytes);
        if (image == null) {
            throw new IllegalArgumentException("Not a readable JPEG image (" + bytes.length
                    + " bytes)");
        }
        return image;
    }

    private static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot decode an image of " + bytes.length
                    + " bytes", e);
        }
    }

    /** {@code box} clipped to {@code image}, or null if they do not overlap. */
    public static Box clip(Box box, BufferedImage image) {
        int x0 = Math.max(0, box.x());
        int y0 = Math.max(0, box.y());
        int x1 = Math.min(image.getWidth(), box.x() + box.width());
        int y1 = Math.min(image.getHeight(), box.y() + box.height());
        return x1 > x0 && y1 > y0 ? new Box(x0, y0, x1 - x0, y1 - y0) : null;
    }

    /** The pixels of {@code box} (inside {@code image}), sharing {@code image}'s data. */
    public static BufferedImage crop(BufferedImage image, Box box) {
        return image.getSubimage(box.x(), box.y(), box.width(), box.height());
    }

    /** Encodes images as JPEG at one quality. Not thread-safe: one per operator instance. */
    public static final class JpegEncoder implements AutoCloseable {
        private final ImageWriter writer;
        private final ImageWriteParam param;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);

        /** @param quality JPEG quality in (0, 1] */
        public JpegEncoder(float quality) {
            if (!(quality > 0 && quality <= 1)) {
                throw new IllegalArgumentException("JPEG quality must be in (0, 1] but was "
                        + quality);
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

        /** The JPEG bytes of {@code image}. */
        public byte[] encode(BufferedImage image) {
            BufferedImage opaque = image.getColorModel().hasAlpha() ? withoutAlpha(image) : image;
            buffer.reset();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(buffer)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(opaque, null, null), param);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot encode a " + image.getWidth() + "x"
                        + image.getHeight() + " image as JPEG", e);
            } finally {
                writer.setOutput(null);
            }
            return buffer.toByteArray();
        }

        @Override
        public void close() {
            writer.dispose();
        }

        /** JPEG has no alpha channel: PNG frames with one are flattened first. */
        private static BufferedImage withoutAlpha(BufferedImage image) {
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(),
                    BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = rgb.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
            return rgb;
        }
    }
}

package dev.flinkedge.connectors.source.camera.reader;

import dev.flinkedge.connectors.image.JpegEncoder;
import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.source.camera.reader.feed.SourceImage;

import org.apache.flink.annotation.Internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scales a native frame to the delivered size (Java2D, bilinear) and encodes it as JPEG (ImageIO)
 * at a fixed quality; ground-truth boxes are scaled with the picture. One instance per thread.
 */
@Internal
public final class FrameEncoder implements AutoCloseable {

    private final JpegEncoder jpeg;

    /**
     * @param jpegQuality JPEG quality in (0, 1]
     */
    public FrameEncoder(float jpegQuality) {
        this.jpeg = new JpegEncoder(jpegQuality);
    }

    /**
     * The JPEG of {@code source} at {@code width}×{@code height}.
     *
     * @return the encoded picture and its scaled ground truth
     */
    public EncodedImage encode(SourceImage source, int width, int height) throws IOException {
        BufferedImage image = source.image();
        BufferedImage scaled =
                image.getWidth() == width
                                && image.getHeight() == height
                                && image.getType() == BufferedImage.TYPE_3BYTE_BGR
                        ? image
                        : scale(image, width, height);
        byte[] bytes;
        try {
            bytes = jpeg.encode(scaled);
        } catch (UncheckedIOException e) {
            // The readers handle a frame that cannot be encoded as an IOException.
            throw e.getCause();
        }
        GroundTruth truth =
                source.truth() == null
                        ? null
                        : scaleTruth(
                                source.truth(), image.getWidth(), image.getHeight(), width, height);
        return new EncodedImage(bytes, width, height, truth);
    }

    private static BufferedImage scale(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Boxes mapped from a {@code fromW}×{@code fromH} picture to a {@code toW}×{@code toH} one,
     * exactly as {@link #encode} maps a frame's ground truth (so a benchmark can recompute it).
     */
    public static GroundTruth scaleTruth(
            GroundTruth truth, int fromW, int fromH, int toW, int toH) {
        if (fromW == toW && fromH == toH) {
            return truth;
        }
        double sx = (double) toW / fromW;
        double sy = (double) toH / fromH;
        List<GroundTruth.TruthObject> out = new ArrayList<>(truth.objects().size());
        for (GroundTruth.TruthObject o : truth.objects()) {
            int x0 = (int) Math.floor(o.x() * sx);
            int y0 = (int) Math.floor(o.y() * sy);
            int x1 = Math.min(toW, (int) Math.ceil((o.x() + o.w()) * sx));
            int y1 = Math.min(toH, (int) Math.ceil((o.y() + o.h()) * sy));
            out.add(
                    new GroundTruth.TruthObject(
                            o.objectId(),
                            o.cls(),
                            o.colour(),
                            o.plate(),
                            x0,
                            y0,
                            Math.max(1, x1 - x0),
                            Math.max(1, y1 - y0)));
        }
        return new GroundTruth(out);
    }

    @Override
    public void close() {
        jpeg.close();
    }

    /**
     * A JPEG-encoded frame.
     *
     * @param jpeg the bytes
     * @param width picture width
     * @param height picture height
     * @param truth ground truth in the picture's pixels, or null
     */
    public record EncodedImage(byte[] jpeg, int width, int height, GroundTruth truth) {}
}

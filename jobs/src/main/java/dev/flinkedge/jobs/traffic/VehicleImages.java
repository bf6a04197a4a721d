package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.jobs.vision.Box;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Decoding frames and crops and cutting vehicles out of frames. */
public final class VehicleImages {

    private VehicleImages() {}

    /** The picture of {@code frame}. */
    public static BufferedImage decode(Frame frame) {
        if (frame.encoding() == Frame.Encoding.RAW_BGR) {
            BufferedImage image =
                    new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            System.arraycopy(frame.image(), 0, pixels, 0, pixels.length);
            return image;
        }
        BufferedImage image = read(frame.image());
        if (image == null) {
            throw new IllegalArgumentException(
                    "Frame " + frame + " is not a readable " + frame.encoding() + " image");
        }
        return image;
    }

    /** The picture of JPEG {@code bytes}. */
    public static BufferedImage decodeJpeg(byte[] bytes) {
        BufferedImage image = read(bytes);
        if (image == null) {
            throw new IllegalArgumentException(
                    "Not a readable JPEG image (" + bytes.length + " bytes)");
        }
        return image;
    }

    private static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot decode an image of " + bytes.length + " bytes", e);
        }
    }

    /** The pixels of {@code box} (inside {@code image}), sharing {@code image}'s data. */
    public static BufferedImage crop(BufferedImage image, Box box) {
        return image.getSubimage(box.x(), box.y(), box.width(), box.height());
    }
}

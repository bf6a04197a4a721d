package dev.flinkedge.jobs.vision;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Conversions between images and the float tensors models take: resizing and planar (CHW)
 * normalised layouts. Models differ only in channel order, mean and scale, which the caller passes.
 */
public final class ImageTensors {

    /** Channel order of a model's input. */
    public enum ChannelOrder {
        RGB,
        BGR
    }

    private ImageTensors() {}

    /** {@code image} scaled to {@code width × height} with bilinear interpolation. */
    public static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
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
     * Writes {@code image} into {@code out} as planar channels, each value {@code (v / 255 -
     * mean[c]) / std[c]} where {@code c} counts channels in {@code order}.
     *
     * @param out at least {@code 3 × width × height} values; the image fills its top-left corner
     *     when the tensor is {@code tensorWidth × tensorHeight} and larger
     */
    public static void toChw(
            BufferedImage image,
            ChannelOrder order,
            float[] mean,
            float[] std,
            float[] out,
            int tensorWidth,
            int tensorHeight) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w > tensorWidth || h > tensorHeight) {
            throw new IllegalArgumentException(
                    "image "
                            + w
                            + "x"
                            + h
                            + " does not fit a "
                            + tensorWidth
                            + "x"
                            + tensorHeight
                            + " tensor");
        }
        int plane = tensorWidth * tensorHeight;
        int[] row = new int[w];
        int first = order == ChannelOrder.RGB ? 16 : 0;
        int third = order == ChannelOrder.RGB ? 0 : 16;
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int base = y * tensorWidth;
            for (int x = 0; x < w; x++) {
                int p = row[x];
                out[base + x] = (((p >> first) & 0xff) / 255f - mean[0]) / std[0];
                out[plane + base + x] = (((p >> 8) & 0xff) / 255f - mean[1]) / std[1];
                out[2 * plane + base + x] = (((p >> third) & 0xff) / 255f - mean[2]) / std[2];
            }
        }
    }
}

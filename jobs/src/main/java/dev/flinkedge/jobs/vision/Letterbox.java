package dev.flinkedge.jobs.vision;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * How an image is fitted into a model input of fixed size the way Ultralytics does it: scaled to
 * keep its aspect ratio, centred, and padded grey (114); and how boxes found in the input map back
 * to the image. Immutable.
 */
final class Letterbox {

    /** Grey level of the padding, the value YOLO models were trained with. */
    static final int PAD_GREY = 114;

    private static final float[] NO_MEAN = {0, 0, 0};
    private static final float[] NO_STD = {1, 1, 1};

    private final int imageWidth;
    private final int imageHeight;
    private final int inputWidth;
    private final int inputHeight;
    private final double scale;
    private final int scaledWidth;
    private final int scaledHeight;
    private final int padLeft;
    private final int padTop;

    private Letterbox(int imageWidth, int imageHeight, int inputWidth, int inputHeight) {
        if (imageWidth < 1 || imageHeight < 1 || inputWidth < 1 || inputHeight < 1) {
            throw new IllegalArgumentException(
                    "need positive sizes, got image "
                            + imageWidth
                            + "x"
                            + imageHeight
                            + " and input "
                            + inputWidth
                            + "x"
                            + inputHeight);
        }
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.scale = Math.min((double) inputWidth / imageWidth, (double) inputHeight / imageHeight);
        this.scaledWidth = Math.max(1, (int) Math.round(imageWidth * scale));
        this.scaledHeight = Math.max(1, (int) Math.round(imageHeight * scale));
        // Ultralytics rounds (pad / 2 - 0.1) so an odd padding puts its extra pixel at the end.
        this.padLeft = (int) Math.round((inputWidth - scaledWidth) / 2.0 - 0.1);
        this.padTop = (int) Math.round((inputHeight - scaledHeight) / 2.0 - 0.1);
    }

    /** How an {@code imageWidth × imageHeight} image fits an input of the given size. */
    static Letterbox fit(int imageWidth, int imageHeight, int inputWidth, int inputHeight) {
        return new Letterbox(imageWidth, imageHeight, inputWidth, inputHeight);
    }

    double scale() {
        return scale;
    }

    int padLeft() {
        return padLeft;
    }

    int padTop() {
        return padTop;
    }

    int scaledWidth() {
        return scaledWidth;
    }

    int scaledHeight() {
        return scaledHeight;
    }

    /**
     * The model input for {@code image}: planar RGB in [0, 1], {@code 3 × inputHeight × inputWidth}
     * values.
     */
    float[] tensor(BufferedImage image) {
        if (image.getWidth() != imageWidth || image.getHeight() != imageHeight) {
            throw new IllegalArgumentException(
                    "letterbox for "
                            + imageWidth
                            + "x"
                            + imageHeight
                            + " applied to a "
                            + image.getWidth()
                            + "x"
                            + image.getHeight()
                            + " image");
        }
        BufferedImage canvas =
                new BufferedImage(inputWidth, inputHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(new Color(PAD_GREY, PAD_GREY, PAD_GREY));
            g.fillRect(0, 0, inputWidth, inputHeight);
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, padLeft, padTop, scaledWidth, scaledHeight, null);
        } finally {
            g.dispose();
        }
        float[] out = new float[3 * inputWidth * inputHeight];
        ImageTensors.toChw(
                canvas,
                ImageTensors.ChannelOrder.RGB,
                NO_MEAN,
                NO_STD,
                out,
                inputWidth,
                inputHeight);
        return out;
    }

    /**
     * The box with corners {@code (x1, y1)} and {@code (x2, y2)} in input pixels, in image pixels
     * and clipped to the image; null when less than a pixel of it lies inside the image.
     */
    Box toImage(float x1, float y1, float x2, float y2) {
        int left = clip(Math.round((x1 - padLeft) / scale), imageWidth);
        int top = clip(Math.round((y1 - padTop) / scale), imageHeight);
        int right = clip(Math.round((x2 - padLeft) / scale), imageWidth);
        int bottom = clip(Math.round((y2 - padTop) / scale), imageHeight);
        if (right - left < 1 || bottom - top < 1) {
            return null;
        }
        return new Box(left, top, right - left, bottom - top);
    }

    private static int clip(long v, int max) {
        return (int) Math.max(0, Math.min(max, v));
    }
}

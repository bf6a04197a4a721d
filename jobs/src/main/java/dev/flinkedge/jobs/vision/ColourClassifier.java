package dev.flinkedge.jobs.vision;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Names the dominant colour of a vehicle from a hue/saturation/value histogram over its box.
 *
 * <p>Each pixel falls in one category: clearly coloured pixels (saturation and chroma high) in a
 * hue family (red, orange, yellow, green, blue, purple), the others in a lightness class (black,
 * grey, silver, white). Coloured paint is strongly saturated, while glass, shadows and tinted
 * reflections are not, so a hue family holding a fifth of the samples wins over any amount of grey;
 * otherwise the median lightness of the grey samples names the colour, white only when they are
 * neutral too (a blue-grey metallic in sunlight is silver).
 *
 * <p>The samples come from the flanks of the box's middle band: the left and right fifths between a
 * quarter and three fifths of its height. The top holds windows and sky, the bottom wheels and
 * road, and the centre the licence plate, badge or grille; the flanks show paint whether the
 * vehicle is seen from the side, the front or the back. The category filling half the box's outer
 * ring is the background (usually the road) and does not vote, unless nearly all samples are in it:
 * then the vehicle has the road's colour. Bicycles and riders leave most of their box to the
 * background; when the background fills much of the flanks, the whole middle band is sampled
 * instead.
 */
public final class ColourClassifier {

    private static final String[] NAMES = {
        "red", "orange", "yellow", "green", "blue", "purple", "black", "grey", "silver", "white"
    };
    private static final int HUES = 6;

    /** Upper bounds of the hue families in degrees; the last bin wraps back to red. */
    private static final float[] HUE_LIMITS = {15, 40, 70, 170, 260, 320};

    /** Upper bounds of the lightness classes in HSV value. */
    private static final float[] VALUE_LIMITS = {0.3f, 0.55f, 0.8f};

    private static final int BINS = 64;

    /** White paint is neutral; light greys with a tint (blue-grey metallics) are silver. */
    private static final float MAX_WHITE_SATURATION = 0.1f;

    private static final float MIN_SATURATION = 0.45f;
    private static final float MIN_CHROMA = 0.3f;
    private static final double MIN_HUE_SHARE = 0.2;
    private static final double BACKGROUND_RING_SHARE = 0.5;
    private static final double SPARSE_SHARE = 0.4;
    private static final double OWN_COLOUR_SHARE = 0.8;
    private static final int RING = 2;

    private ColourClassifier() {}

    /**
     * The colour name of the object in {@code box}: one of {@code red}, {@code orange}, {@code
     * yellow}, {@code green}, {@code blue}, {@code purple}, {@code black}, {@code grey}, {@code
     * silver}, {@code white}.
     *
     * @param box where the object is; clipped to the image, and must overlap it
     */
    public static String classify(BufferedImage image, Box box) {
        int x0 = Math.max(0, box.x());
        int y0 = Math.max(0, box.y());
        int x1 = Math.min(image.getWidth(), box.x() + box.width());
        int y1 = Math.min(image.getHeight(), box.y() + box.height());
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException(
                    box
                            + " lies outside the "
                            + image.getWidth()
                            + "x"
                            + image.getHeight()
                            + " image");
        }
        int w = x1 - x0;
        int h = y1 - y0;
        int background = background(image, x0, y0, x1, y1);

        int bandTop = y0 + (int) (h * 0.25);
        int bandBottom = Math.max(bandTop + 1, y0 + (int) Math.ceil(h * 0.6));
        Votes votes = new Votes();
        votes.count(
                image, x0 + (int) (w * 0.08), bandTop, x0 + (int) Math.ceil(w * 0.28), bandBottom);
        votes.count(
                image, x0 + (int) (w * 0.72), bandTop, x0 + (int) Math.ceil(w * 0.92), bandBottom);
        if (background >= 0) {
            double share = votes.share(background);
            if (share > SPARSE_SHARE && share <= OWN_COLOUR_SHARE) {
                votes = new Votes();
                votes.count(image, x0, bandTop, x1, bandBottom);
            }
            if (share <= OWN_COLOUR_SHARE) {
                votes.drop(background);
            }
        }
        return NAMES[votes.decide()];
    }

    /** The category filling at least half of the box's outer ring, or -1. */
    private static int background(BufferedImage image, int x0, int y0, int x1, int y1) {
        int ring = Math.min(RING, Math.min(x1 - x0, y1 - y0) / 4);
        if (ring == 0) {
            return -1;
        }
        Votes votes = new Votes();
        votes.count(image, x0, y0, x1, y0 + ring);
        votes.count(image, x0, y1 - ring, x1, y1);
        votes.count(image, x0, y0 + ring, x0 + ring, y1 - ring);
        votes.count(image, x1 - ring, y0 + ring, x1, y1 - ring);
        int best = votes.mostCommon(0, NAMES.length);
        return votes.share(best) >= BACKGROUND_RING_SHARE ? best : -1;
    }

    /** Samples per category, and per category histograms of their HSV value and saturation. */
    private static final class Votes {
        private final int[] counts = new int[NAMES.length];
        private final int[][] values = new int[NAMES.length][BINS];
        private final int[][] saturations = new int[NAMES.length][BINS];
        private int total;

        void count(BufferedImage image, int x0, int y0, int x1, int y1) {
            float[] hsv = new float[3];
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    int rgb = image.getRGB(x, y);
                    Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, hsv);
                    int category = category(hsv);
                    counts[category]++;
                    values[category][Math.min(BINS - 1, (int) (hsv[2] * BINS))]++;
                    saturations[category][Math.min(BINS - 1, (int) (hsv[1] * BINS))]++;
                    total++;
                }
            }
        }

        double share(int category) {
            return total == 0 ? 0 : (double) counts[category] / total;
        }

        void drop(int category) {
            total -= counts[category];
            counts[category] = 0;
            values[category] = new int[BINS];
            saturations[category] = new int[BINS];
        }

        int mostCommon(int from, int to) {
            int best = from;
            for (int i = from + 1; i < to; i++) {
                if (counts[i] > counts[best]) {
                    best = i;
                }
            }
            return best;
        }

        /**
         * The winning hue family, else the lightness class of the grey samples' median value (white
         * only if their median saturation is low too).
         */
        int decide() {
            int hue = mostCommon(0, HUES);
            if (counts[hue] > 0 && share(hue) >= MIN_HUE_SHARE) {
                return hue;
            }
            float value = median(values);
            if (Float.isNaN(value)) {
                // Nothing but coloured samples, none in the majority: the strongest hue.
                return hue;
            }
            int lightness = HUES + bin(VALUE_LIMITS, value);
            if (NAMES[lightness].equals("white") && median(saturations) >= MAX_WHITE_SATURATION) {
                return lightness - 1;
            }
            return lightness;
        }

        /** Median over the grey categories' histograms, NaN if they are empty. */
        private static float median(int[][] histograms) {
            int[] merged = new int[BINS];
            int n = 0;
            for (int c = HUES; c < NAMES.length; c++) {
                for (int b = 0; b < BINS; b++) {
                    merged[b] += histograms[c][b];
                    n += histograms[c][b];
                }
            }
            int seen = 0;
            for (int b = 0; b < BINS && n > 0; b++) {
                seen += merged[b];
                if (2 * seen >= n) {
                    return (b + 0.5f) / BINS;
                }
            }
            return Float.NaN;
        }
    }

    private static int category(float[] hsv) {
        if (hsv[1] >= MIN_SATURATION && hsv[1] * hsv[2] >= MIN_CHROMA) {
            return bin(HUE_LIMITS, hsv[0] * 360) % HUES;
        }
        return HUES + bin(VALUE_LIMITS, hsv[2]);
    }

    /** Index of the first limit above {@code v}, or the number of limits. */
    private static int bin(float[] limits, float v) {
        for (int i = 0; i < limits.length; i++) {
            if (v < limits[i]) {
                return i;
            }
        }
        return limits.length;
    }
}

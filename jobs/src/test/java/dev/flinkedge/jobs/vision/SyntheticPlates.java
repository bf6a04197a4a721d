package dev.flinkedge.jobs.vision;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Test plates: plate strings in the synthetic scene's format ("AB12 CDE") drawn in a standard font
 * on a white or yellow plate, placed with some variety of position, size and tilt on the body of a
 * car in a real photo, and cut out with the car as a detector would crop it.
 */
final class SyntheticPlates {

    /** Letters the synthetic scene uses on its plates (no I, O, Q, U, Z). */
    static final String LETTERS = "ABCDEFGHJKLMNPRSTVWXY";

    private static final String[] FONTS = {Font.SANS_SERIF, Font.MONOSPACED};

    private SyntheticPlates() {}

    /**
     * One case: a vehicle crop and the plate on it.
     *
     * @param crop the vehicle crop
     * @param plate the plate text as printed, with its space
     */
    record Case(BufferedImage crop, String plate) {
        /** The reading a perfect reader returns: the plate without spaces. */
        String expected() {
            return plate.replace(" ", "");
        }
    }

    /** A plate string of the scene's format, e.g. {@code AB12 CDE}. */
    static String plateString(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(8);
        sb.append(letter(rnd)).append(letter(rnd));
        sb.append(rnd.nextInt(10)).append(rnd.nextInt(10)).append(' ');
        sb.append(letter(rnd)).append(letter(rnd)).append(letter(rnd));
        return sb.toString();
    }

    private static char letter(SplittableRandom rnd) {
        return LETTERS.charAt(rnd.nextInt(LETTERS.length()));
    }

    /** Draws a random plate on a copy of {@code photo} and crops the car around it. */
    static Case generate(CarPhotos.CarPhoto photo, SplittableRandom rnd) {
        String plate = plateString(rnd);
        BufferedImage canvas = copy(photo.image());
        Box car = photo.car();
        Box body = photo.body();
        double plateWidth = car.width() * (0.10 + 0.06 * rnd.nextDouble());
        double plateHeight = plateWidth * (0.22 + 0.06 * rnd.nextDouble());
        double cx = body.x() + plateWidth / 2 + rnd.nextDouble() * (body.width() - plateWidth);
        double cy = body.y() + plateHeight / 2 + rnd.nextDouble() * (body.height() - plateHeight);
        drawPlate(canvas, plate, cx, cy, plateWidth, plateHeight, rnd);

        // Cut the car out as a detector box would, a little loose or tight on each side.
        int x0 = clamp(car.x() + jitter(car.width(), rnd), 0, canvas.getWidth() - 2);
        int y0 = clamp(car.y() + jitter(car.height(), rnd), 0, canvas.getHeight() - 2);
        int x1 = clamp(car.x() + car.width() + jitter(car.width(), rnd), x0 + 1, canvas.getWidth());
        int y1 =
                clamp(
                        car.y() + car.height() + jitter(car.height(), rnd),
                        y0 + 1,
                        canvas.getHeight());
        BufferedImage crop = canvas.getSubimage(x0, y0, x1 - x0, y1 - y0);
        // Cameras see cars at many resolutions: shrink the crop by up to 40 %.
        double shrink = 0.6 + 0.4 * rnd.nextDouble();
        return new Case(
                ImageTensors.resize(
                        crop,
                        (int) Math.round(crop.getWidth() * shrink),
                        (int) Math.round(crop.getHeight() * shrink)),
                plate);
    }

    private static void drawPlate(
            BufferedImage canvas,
            String plate,
            double cx,
            double cy,
            double w,
            double h,
            SplittableRandom rnd) {
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.translate(cx, cy);
            g.rotate(Math.toRadians(-3 + 6 * rnd.nextDouble()));
            g.translate(-w / 2, -h / 2);
            boolean yellow = rnd.nextBoolean();
            int light = 225 + rnd.nextInt(31);
            g.setColor(
                    yellow
                            ? new Color(
                                    light,
                                    light * 200 / 255 + rnd.nextInt(20),
                                    20 + rnd.nextInt(40))
                            : new Color(light, light, light - rnd.nextInt(10)));
            g.fill(new Rectangle2D.Double(0, 0, w, h));
            int ink = rnd.nextInt(45);
            g.setColor(new Color(ink, ink, ink + rnd.nextInt(10)));
            if (rnd.nextBoolean()) {
                g.setStroke(new BasicStroke((float) Math.max(1, h / 20)));
                g.draw(new Rectangle2D.Double(1, 1, w - 2, h - 2));
            }
            Font font = new Font(FONTS[rnd.nextInt(FONTS.length)], Font.BOLD, 100);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            double textHeight = h * (0.62 + 0.12 * rnd.nextDouble());
            double sy = textHeight / (fm.getAscent() - fm.getDescent() * 0.2);
            double sx = Math.min(sy, w * 0.9 / fm.stringWidth(plate));
            AffineTransform plateSpace = g.getTransform();
            g.translate(w / 2, h / 2);
            g.scale(sx, sy);
            g.drawString(
                    plate, -fm.stringWidth(plate) / 2f, (fm.getAscent() - fm.getDescent()) / 2f);
            g.setTransform(plateSpace);
        } finally {
            g.dispose();
        }
    }

    private static int jitter(int size, SplittableRandom rnd) {
        return (int) Math.round(size * (-0.05 + 0.1 * rnd.nextDouble()));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out =
                new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}

package dev.flinkedge.connectors.source.camera.synthetic;

import org.apache.flink.annotation.Internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws one vehicle of the synthetic scene in side view, shaded the way a photograph shows one, so
 * that detectors trained on real images (COCO) recognise it: a curved body lit from above (bright
 * roof line, shoulder highlight, darker sills), glass reflecting the sky, pillars, wheel arches,
 * tyres with alloy rims, head and tail lights, bumpers, door lines and a shadow on the road; riders
 * on two-wheelers. The classes and sizes follow {@link VehicleType}. Shapes are drawn in vehicle
 * coordinates (scene units, origin at the rear bottom, facing right, mirrored for vehicles driving
 * left); the licence plate comes last and unmirrored so its text stays readable. Every stroke is a
 * fixed function of the vehicle, so renderings stay deterministic. Not thread-safe (it keeps the
 * gradients it made): each scene has its own.
 */
@Internal
final class VehiclePainter {

    private static final Map<String, Color> COLOURS =
            Map.ofEntries(
                    Map.entry("red", new Color(190, 30, 35)),
                    Map.entry("blue", new Color(30, 70, 170)),
                    Map.entry("white", new Color(235, 235, 235)),
                    Map.entry("black", new Color(25, 25, 28)),
                    Map.entry("silver", new Color(170, 172, 178)),
                    Map.entry("green", new Color(30, 120, 60)),
                    Map.entry("yellow", new Color(240, 195, 20)),
                    Map.entry("orange", new Color(235, 120, 20)));

    private static final Color TYRE = new Color(24, 24, 26);
    private static final Color ARCH = new Color(14, 14, 16);
    private static final Color TRIM = new Color(32, 33, 36);
    private static final Color CARGO = new Color(228, 228, 222);
    private static final Color JACKET = new Color(45, 45, 60);
    private static final Color TROUSERS = new Color(40, 50, 80);
    private static final Color SKIN = new Color(214, 170, 135);
    private static final Color PLATE = new Color(28, 28, 30);
    private static final Color PLATE_RIM = new Color(200, 200, 200);
    private static final Color PLATE_TEXT = new Color(235, 235, 235);
    private static final Font PLATE_FONT = new Font(Font.MONOSPACED, Font.BOLD, 20);

    private final Map<List<Object>, Paint> gradients = new HashMap<>();

    void paint(Graphics2D g, Vehicle v) {
        AffineTransform saved = g.getTransform();
        g.translate(v.left(), v.bottom());
        g.scale(v.scale(), v.scale());
        shadow(g, v.type().length());
        if (!v.facingRight()) {
            g.translate(v.type().length(), 0);
            g.scale(-1, 1);
        }
        Color body = COLOURS.getOrDefault(v.colour(), Color.GRAY);
        switch (v.type()) {
            case CAR -> car(g, body);
            case BUS -> bus(g, body);
            case TRUCK -> truck(g, body);
            case MOTORCYCLE -> motorcycle(g, body);
            case BICYCLE -> bicycle(g, body);
        }
        g.setTransform(saved);
        if (v.plate() != null) {
            plate(g, v);
        }
    }

    /** A soft shadow where the vehicle meets the road. */
    private static void shadow(Graphics2D g, int length) {
        g.setColor(new Color(0, 0, 0, 60));
        g.fill(new Ellipse2D.Double(-8, -9, length + 16, 16));
        g.setColor(new Color(0, 0, 0, 90));
        g.fill(new Ellipse2D.Double(4, -6, length - 8, 10));
    }

    private void car(Graphics2D g, Color body) {
        Path2D.Double shell = new Path2D.Double();
        shell.moveTo(4, -20);
        shell.lineTo(1, -30);
        shell.curveTo(-1, -42, 1, -52, 8, -56);
        shell.lineTo(38, -59);
        shell.curveTo(50, -66, 60, -82, 78, -84);
        shell.lineTo(126, -85);
        shell.curveTo(138, -84, 150, -72, 164, -60);
        shell.curveTo(182, -58, 198, -56, 206, -51);
        shell.curveTo(210, -46, 211, -36, 209, -28);
        shell.lineTo(205, -20);
        shell.closePath();
        paintShaded(g, shell, body, -85, -20);

        Path2D.Double glass = new Path2D.Double();
        glass.moveTo(44, -59);
        glass.curveTo(54, -66, 64, -79, 79, -81);
        glass.lineTo(125, -82);
        glass.curveTo(135, -81, 146, -70, 156, -60);
        glass.closePath();
        paintGlass(g, glass, -82, -59);
        g.setColor(TRIM);
        g.setStroke(new BasicStroke(1.6f));
        g.draw(glass);
        g.fill(new Rectangle2D.Double(102, -82, 5, 23));

        Color crease = shade(body, -0.45);
        g.setColor(crease);
        g.setStroke(new BasicStroke(1.1f));
        g.draw(new Line2D.Double(56, -59, 56, -24));
        g.draw(new Line2D.Double(105, -59, 105, -22));
        g.draw(new Line2D.Double(154, -60, 152, -24));
        g.setColor(new Color(255, 255, 255, 70));
        g.setStroke(new BasicStroke(1.8f));
        g.draw(new Line2D.Double(8, -48, 204, -46));
        g.setColor(shade(body, 0.45));
        g.fill(new RoundRectangle2D.Double(86, -53, 11, 3, 2, 2));
        g.fill(new RoundRectangle2D.Double(134, -53, 11, 3, 2, 2));
        g.setColor(shade(body, -0.3));
        g.fill(new Ellipse2D.Double(149, -64, 12, 8));

        g.setColor(TRIM);
        g.fill(new RoundRectangle2D.Double(24, -27, 164, 6, 3, 3));
        g.fill(new RoundRectangle2D.Double(186, -31, 23, 9, 4, 4));
        g.fill(new RoundRectangle2D.Double(1, -31, 22, 9, 4, 4));
        headLight(g, new RoundRectangle2D.Double(195, -51, 14, 8, 5, 5));
        tailLight(g, new RoundRectangle2D.Double(0, -53, 10, 11, 4, 4));

        wheelWithArch(g, shell, 48, -20, 20);
        wheelWithArch(g, shell, 164, -20, 20);
    }

    private void bus(Graphics2D g, Color body) {
        RoundRectangle2D.Double shell = new RoundRectangle2D.Double(0, -148, 400, 128, 18, 18);
        paintShaded(g, shell, body, -148, -20);
        g.setColor(shade(body, 0.5));
        g.fill(new RoundRectangle2D.Double(6, -150, 388, 8, 8, 8));

        paintGlass(g, new Rectangle2D.Double(10, -138, 312, 38), -138, -100);
        g.setColor(shade(body, -0.2));
        for (int x = 62; x < 322; x += 52) {
            g.fill(new Rectangle2D.Double(x - 3, -138, 6, 38));
        }
        Path2D.Double screen = new Path2D.Double();
        screen.moveTo(368, -138);
        screen.lineTo(394, -138);
        screen.curveTo(398, -120, 399, -90, 398, -70);
        screen.lineTo(368, -70);
        screen.closePath();
        paintGlass(g, screen, -138, -70);
        g.setColor(new Color(20, 20, 20));
        g.fill(new Rectangle2D.Double(366, -148, 30, 9));
        g.setColor(new Color(255, 170, 30));
        g.fill(new Rectangle2D.Double(369, -146, 24, 5));

        paintGlass(g, new Rectangle2D.Double(330, -132, 32, 46), -132, -86);
        g.setColor(shade(body, -0.1));
        g.fill(new Rectangle2D.Double(330, -86, 32, 60));
        g.setColor(TRIM);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Rectangle2D.Double(330, -132, 32, 106));
        g.draw(new Line2D.Double(346, -132, 346, -26));
        g.setColor(shade(body, -0.35));
        g.fill(new Rectangle2D.Double(4, -68, 324, 3));

        g.setColor(TRIM);
        g.fill(new RoundRectangle2D.Double(0, -34, 400, 10, 4, 4));
        headLight(g, new RoundRectangle2D.Double(386, -52, 13, 9, 4, 4));
        tailLight(g, new RoundRectangle2D.Double(0, -64, 8, 22, 3, 3));

        wheelWithArch(g, shell, 72, -22, 23);
        wheelWithArch(g, shell, 300, -22, 23);
    }

    private void truck(Graphics2D g, Color body) {
        g.setColor(TRIM);
        g.fill(new Rectangle2D.Double(6, -42, 350, 12));
        Rectangle2D.Double box = new Rectangle2D.Double(0, -140, 254, 96);
        paintShaded(g, box, CARGO, -140, -44);
        g.setColor(new Color(196, 196, 190));
        g.setStroke(new BasicStroke(1.2f));
        for (int x = 22; x < 240; x += 22) {
            g.draw(new Line2D.Double(x, -136, x, -48));
        }
        g.setColor(new Color(150, 152, 150));
        g.fill(new Rectangle2D.Double(0, -140, 254, 5));
        g.fill(new Rectangle2D.Double(0, -50, 254, 6));
        g.fill(new Rectangle2D.Double(0, -140, 5, 96));
        g.fill(new Rectangle2D.Double(249, -140, 5, 96));
        g.setColor(new Color(90, 92, 92));
        g.fill(new Rectangle2D.Double(9, -120, 3, 10));
        g.fill(new Rectangle2D.Double(9, -74, 3, 10));
        g.setColor(new Color(170, 172, 176));
        g.fill(new RoundRectangle2D.Double(208, -36, 38, 14, 8, 8));
        g.setColor(TRIM);
        g.fill(new Rectangle2D.Double(254, -128, 12, 98));

        Path2D.Double cab = new Path2D.Double();
        cab.moveTo(264, -30);
        cab.lineTo(264, -122);
        cab.curveTo(266, -128, 270, -130, 278, -130);
        cab.lineTo(334, -130);
        cab.curveTo(344, -128, 350, -120, 352, -108);
        cab.lineTo(358, -66);
        cab.lineTo(360, -30);
        cab.closePath();
        paintShaded(g, cab, body, -130, -30);
        Path2D.Double screen = new Path2D.Double();
        screen.moveTo(340, -124);
        screen.curveTo(346, -122, 350, -114, 351, -106);
        screen.lineTo(356, -76);
        screen.lineTo(348, -76);
        screen.closePath();
        paintGlass(g, screen, -124, -76);
        Path2D.Double window = new Path2D.Double();
        window.moveTo(292, -122);
        window.lineTo(334, -122);
        window.lineTo(344, -80);
        window.lineTo(292, -80);
        window.closePath();
        paintGlass(g, window, -122, -80);
        g.setColor(TRIM);
        g.setStroke(new BasicStroke(1.6f));
        g.draw(window);
        g.setColor(shade(body, -0.45));
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new Line2D.Double(288, -126, 288, -36));
        g.draw(new Line2D.Double(346, -76, 346, -36));
        g.setColor(shade(body, 0.45));
        g.fill(new RoundRectangle2D.Double(296, -72, 12, 4, 2, 2));
        g.setColor(TRIM);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Line2D.Double(350, -110, 362, -112));
        g.fill(new RoundRectangle2D.Double(358, -122, 6, 26, 2, 2));
        g.fill(new Rectangle2D.Double(352, -70, 8, 30));
        g.setColor(new Color(70, 70, 74));
        for (int y = -66; y < -42; y += 5) {
            g.fill(new Rectangle2D.Double(353, y, 7, 2));
        }
        g.setColor(TRIM);
        g.fill(new RoundRectangle2D.Double(336, -40, 26, 12, 4, 4));
        g.fill(new Rectangle2D.Double(296, -34, 34, 5));
        headLight(g, new RoundRectangle2D.Double(350, -50, 10, 9, 3, 3));
        tailLight(g, new Rectangle2D.Double(0, -42, 8, 8));
        g.setColor(new Color(240, 140, 20));
        g.fill(new Rectangle2D.Double(120, -42, 6, 4));

        Rectangle2D.Double arches = new Rectangle2D.Double(0, -48, 360, 28);
        wheelWithArch(g, arches, 46, -20, 20);
        wheelWithArch(g, arches, 92, -20, 20);
        wheelWithArch(g, arches, 318, -20, 20);
    }

    private void motorcycle(Graphics2D g, Color body) {
        spokedWheel(g, 22, -20, 20, 5);
        spokedWheel(g, 98, -20, 20, 5);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(200, 200, 205));
        g.draw(new Line2D.Double(98, -20, 86, -64));
        g.draw(new Line2D.Double(50, -26, 8, -30));
        g.setColor(TRIM);
        g.draw(new Line2D.Double(22, -20, 50, -34));
        Rectangle2D.Double engine = new Rectangle2D.Double(42, -44, 32, 22);
        paintShaded(g, engine, new Color(120, 122, 128), -44, -22);
        Path2D.Double tank = new Path2D.Double();
        tank.moveTo(50, -46);
        tank.curveTo(54, -58, 74, -60, 84, -52);
        tank.lineTo(80, -44);
        tank.closePath();
        paintShaded(g, tank, body, -60, -44);
        Path2D.Double tail = new Path2D.Double();
        tail.moveTo(14, -44);
        tail.curveTo(20, -52, 36, -52, 50, -48);
        tail.lineTo(50, -44);
        tail.closePath();
        paintShaded(g, tail, body, -52, -44);
        g.setColor(TRIM);
        g.fill(new RoundRectangle2D.Double(26, -53, 26, 6, 5, 5));
        headLight(g, new Ellipse2D.Double(88, -62, 9, 9));
        tailLight(g, new Rectangle2D.Double(11, -48, 5, 4));

        rider(g, new double[] {40, -50, 64, -68, 84, -64, 62, -40, 60, -26, 66, -76});
    }

    private void bicycle(Graphics2D g, Color body) {
        spokedWheel(g, 19, -19, 19, 3.5f);
        spokedWheel(g, 76, -19, 19, 3.5f);
        g.setColor(body);
        g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(19, -19, 42, -20));
        g.draw(new Line2D.Double(42, -20, 35, -47));
        g.draw(new Line2D.Double(35, -47, 66, -46));
        g.draw(new Line2D.Double(42, -20, 66, -46));
        g.draw(new Line2D.Double(19, -19, 35, -47));
        g.draw(new Line2D.Double(66, -46, 76, -19));
        g.setColor(TRIM);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(66, -46, 68, -54));
        g.draw(new Line2D.Double(64, -55, 73, -54));
        g.fill(new RoundRectangle2D.Double(27, -52, 14, 4, 3, 3));
        g.fill(new Ellipse2D.Double(38, -24, 8, 8));

        rider(g, new double[] {35, -53, 50, -64, 66, -55, 50, -38, 44, -22, 54, -66});
    }

    /**
     * A person astride a two-wheeler.
     *
     * @param joints x, y pairs in vehicle coordinates: hip, shoulder, hand, knee, foot and the
     *     centre of the head
     */
    private static void rider(Graphics2D g, double[] joints) {
        double hipX = joints[0];
        double hipY = joints[1];
        double headX = joints[10];
        double headY = joints[11];
        g.setColor(TROUSERS);
        g.setStroke(new BasicStroke(9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double leg = new Path2D.Double();
        leg.moveTo(hipX, hipY);
        leg.lineTo(joints[6], joints[7]);
        leg.lineTo(joints[8], joints[9]);
        g.draw(leg);
        g.setColor(JACKET);
        g.setStroke(new BasicStroke(13f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(hipX, hipY, joints[2], joints[3]));
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(joints[2], joints[3], joints[4], joints[5]));
        g.setColor(SKIN);
        g.fill(new Ellipse2D.Double(headX - 6, headY - 4, 12, 11));
        g.setColor(TRIM);
        g.fill(new Ellipse2D.Double(headX - 7, headY - 8, 14, 10));
        g.setStroke(new BasicStroke(1));
    }

    /** {@code shape} in {@code base} lit from above, between {@code top} and {@code bottom}. */
    private void paintShaded(Graphics2D g, Shape shape, Color base, double top, double bottom) {
        fillLinear(
                g,
                shape,
                0,
                top,
                0,
                bottom,
                new float[] {0f, 0.25f, 0.42f, 0.5f, 0.8f, 1f},
                shade(base, 0.5),
                shade(base, 0.15),
                shade(base, 0.35),
                base,
                shade(base, -0.1),
                shade(base, -0.4));
    }

    /** Tinted glass: the sky reflected at the top, dark inside below. */
    private void paintGlass(Graphics2D g, Shape shape, double top, double bottom) {
        fillLinear(
                g,
                shape,
                0,
                top,
                0,
                bottom,
                new float[] {0f, 0.35f, 1f},
                new Color(150, 168, 186),
                new Color(52, 60, 72),
                new Color(30, 34, 42));
    }

    private void headLight(Graphics2D g, Shape shape) {
        Rectangle2D b = shape.getBounds2D();
        fillLinear(
                g,
                shape,
                b.getMinX(),
                0,
                b.getMaxX(),
                0,
                new float[] {0f, 1f},
                new Color(200, 205, 210),
                new Color(255, 252, 230));
        g.setColor(TRIM);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(shape);
    }

    private void tailLight(Graphics2D g, Shape shape) {
        Rectangle2D b = shape.getBounds2D();
        fillLinear(
                g,
                shape,
                0,
                b.getMinY(),
                0,
                b.getMaxY(),
                new float[] {0f, 1f},
                new Color(240, 60, 50),
                new Color(120, 10, 10));
    }

    /**
     * Fills {@code shape} with a linear gradient from {@code (x0, y0)} to {@code (x1, y1)}. Java2D
     * builds a gradient's colour table on the paint object, so each gradient is made once and
     * reused: they are in vehicle coordinates, so a few dozen serve all vehicles.
     */
    private void fillLinear(
            Graphics2D g,
            Shape shape,
            double x0,
            double y0,
            double x1,
            double y1,
            float[] fractions,
            Color... colours) {
        List<Object> key = List.of(x0, y0, x1, y1, Arrays.toString(fractions), List.of(colours));
        g.setPaint(
                gradients.computeIfAbsent(
                        key,
                        k ->
                                new LinearGradientPaint(
                                        (float) x0,
                                        (float) y0,
                                        (float) x1,
                                        (float) y1,
                                        fractions,
                                        colours)));
        g.fill(shape);
    }

    /** A dark wheel arch cut into {@code body}, then the wheel in it. */
    private void wheelWithArch(Graphics2D g, Shape body, double cx, double cy, double r) {
        Shape unclipped = g.getClip();
        g.clip(body);
        g.setColor(ARCH);
        g.fill(new Ellipse2D.Double(cx - r - 4, cy - r - 4, 2 * r + 8, 2 * r + 8));
        g.setClip(unclipped);
        wheel(g, cx, cy, r);
    }

    /** A tyre with an alloy rim of five spokes. */
    private void wheel(Graphics2D g, double cx, double cy, double r) {
        g.setColor(TYRE);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(new Color(48, 48, 50));
        g.setStroke(new BasicStroke((float) (r * 0.06)));
        g.draw(new Ellipse2D.Double(cx - r * 0.8, cy - r * 0.8, r * 1.6, r * 1.6));
        double rim = r * 0.64;
        g.setPaint(
                gradients.computeIfAbsent(
                        List.of("rim", cx, cy, r),
                        k ->
                                new RadialGradientPaint(
                                        (float) (cx - rim * 0.3),
                                        (float) (cy - rim * 0.3),
                                        (float) (rim * 1.3),
                                        new float[] {0f, 1f},
                                        new Color[] {
                                            new Color(225, 226, 230), new Color(110, 112, 118)
                                        })));
        g.fill(new Ellipse2D.Double(cx - rim, cy - rim, 2 * rim, 2 * rim));
        g.setColor(new Color(40, 40, 44));
        double inner = rim * 0.82;
        g.fill(new Ellipse2D.Double(cx - inner, cy - inner, 2 * inner, 2 * inner));
        g.setColor(new Color(196, 198, 204));
        g.setStroke(
                new BasicStroke((float) (r * 0.16), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 5; i++) {
            double a = Math.PI * 2 * i / 5 - Math.PI / 2;
            g.draw(new Line2D.Double(cx, cy, cx + Math.cos(a) * inner, cy + Math.sin(a) * inner));
        }
        g.setColor(new Color(150, 152, 158));
        g.fill(new Ellipse2D.Double(cx - r * 0.16, cy - r * 0.16, r * 0.32, r * 0.32));
        g.setStroke(new BasicStroke(1));
    }

    /** A thin tyre with wire spokes, for bicycles and motorcycles. */
    private static void spokedWheel(Graphics2D g, double cx, double cy, double r, float tyre) {
        g.setColor(new Color(160, 162, 168));
        g.setStroke(new BasicStroke(0.7f));
        for (int i = 0; i < 16; i++) {
            double a = Math.PI * i / 8;
            g.draw(new Line2D.Double(cx, cy, cx + Math.cos(a) * r, cy + Math.sin(a) * r));
        }
        g.setStroke(new BasicStroke(1.2f));
        double rim = r - tyre / 2 - 0.6;
        g.draw(new Ellipse2D.Double(cx - rim, cy - rim, 2 * rim, 2 * rim));
        g.setColor(TYRE);
        g.setStroke(new BasicStroke(tyre));
        double mid = r - tyre / 2;
        g.draw(new Ellipse2D.Double(cx - mid, cy - mid, 2 * mid, 2 * mid));
        g.setColor(new Color(120, 122, 128));
        g.fill(new Ellipse2D.Double(cx - 2.5, cy - 2.5, 5, 5));
        g.setStroke(new BasicStroke(1));
    }

    /** {@code c} lightened towards white ({@code amount > 0}) or darkened towards black. */
    private static Color shade(Color c, double amount) {
        int target = amount > 0 ? 255 : 0;
        double t = Math.abs(amount);
        return new Color(
                (int) Math.round(c.getRed() + (target - c.getRed()) * t),
                (int) Math.round(c.getGreen() + (target - c.getGreen()) * t),
                (int) Math.round(c.getBlue() + (target - c.getBlue()) * t));
    }

    /**
     * The plate, centred on the body and never mirrored: silver characters on black, like classic
     * British plates. The plate is several times a real one's size so that OCR can read it on small
     * vehicles; a light plate that size reads as a sign and hides the vehicle from COCO detectors,
     * a dark one reads as trim (yolov8n's recall on the same vehicles: 0.43 with yellow plates,
     * 0.59 with black ones).
     */
    private static void plate(Graphics2D g, Vehicle v) {
        VehicleType t = v.type();
        double s = v.scale();
        double w = t.plateWidth() * s;
        double h = t.plateHeight() * s;
        double cx = v.left() + v.width() / 2;
        double cy = v.bottom() - (t == VehicleType.MOTORCYCLE ? 40 : 46) * s;
        AffineTransform saved = g.getTransform();
        g.translate(cx - w / 2, cy - h / 2);
        g.scale(s, s);
        g.setColor(PLATE);
        g.fillRect(0, 0, t.plateWidth(), t.plateHeight());
        g.setColor(PLATE_RIM);
        g.drawRect(0, 0, t.plateWidth() - 1, t.plateHeight() - 1);
        g.setColor(PLATE_TEXT);
        Font font = PLATE_FONT.deriveFont((float) (t.plateHeight() * 0.8));
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        double textScale = Math.min(1.0, (t.plateWidth() - 6.0) / fm.stringWidth(v.plate()));
        g.translate(t.plateWidth() / 2.0, t.plateHeight() / 2.0);
        g.scale(textScale, 1);
        g.drawString(
                v.plate(),
                -fm.stringWidth(v.plate()) / 2f,
                (fm.getAscent() - fm.getDescent()) / 2f);
        g.setTransform(saved);
    }
}

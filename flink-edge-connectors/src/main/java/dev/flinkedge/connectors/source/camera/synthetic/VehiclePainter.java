package dev.flinkedge.connectors.source.camera.synthetic;

import org.apache.flink.annotation.Internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Map;

/**
 * Draws one vehicle of the synthetic scene in side view, in scene units: body, windows and wheels
 * in vehicle coordinates (origin at the rear bottom, facing right, mirrored for vehicles driving
 * left), then the licence plate unmirrored so its text stays readable.
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

    private static final Color GLASS = new Color(120, 160, 190);
    private static final Color TYRE = new Color(20, 20, 20);
    private static final Color HUB = new Color(150, 150, 155);
    private static final Color RIDER = new Color(45, 45, 60);
    private static final Color PLATE = new Color(250, 215, 40);
    private static final Font PLATE_FONT = new Font(Font.MONOSPACED, Font.BOLD, 20);

    void paint(Graphics2D g, Vehicle v) {
        AffineTransform saved = g.getTransform();
        g.translate(v.left(), v.bottom());
        g.scale(v.scale(), v.scale());
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

    private static void car(Graphics2D g, Color body) {
        g.setColor(body);
        g.fill(new RoundRectangle2D.Double(0, -64, 210, 42, 18, 18));
        g.fill(new Polygon(new int[] {42, 70, 148, 178}, new int[] {-62, -85, -85, -62}, 4));
        g.setColor(GLASS);
        g.fill(new Polygon(new int[] {56, 75, 104, 104}, new int[] {-64, -80, -80, -64}, 4));
        g.fill(new Polygon(new int[] {112, 112, 144, 163}, new int[] {-64, -80, -80, -64}, 4));
        g.setColor(new Color(255, 230, 120));
        g.fillRect(200, -56, 10, 8);
        g.setColor(new Color(200, 20, 20));
        g.fillRect(0, -56, 8, 8);
        wheel(g, 48, -20, 20);
        wheel(g, 164, -20, 20);
    }

    private static void bus(Graphics2D g, Color body) {
        g.setColor(body);
        g.fill(new RoundRectangle2D.Double(0, -145, 400, 122, 14, 14));
        g.setColor(GLASS);
        for (int x = 18; x < 330; x += 52) {
            g.fillRect(x, -132, 42, 40);
        }
        g.fillRect(340, -132, 52, 56);
        g.setColor(body.darker());
        g.fillRect(350, -70, 34, 46);
        wheel(g, 70, -22, 23);
        wheel(g, 320, -22, 23);
    }

    private static void truck(Graphics2D g, Color body) {
        g.setColor(new Color(225, 225, 220));
        g.fillRect(0, -140, 262, 112);
        g.setColor(new Color(190, 190, 185));
        g.drawRect(0, -140, 262, 112);
        g.setColor(body);
        g.fill(new RoundRectangle2D.Double(268, -118, 92, 92, 12, 12));
        g.setColor(GLASS);
        g.fillRect(300, -108, 52, 34);
        g.setColor(new Color(60, 60, 60));
        g.fillRect(0, -32, 360, 8);
        wheel(g, 46, -20, 20);
        wheel(g, 96, -20, 20);
        wheel(g, 318, -20, 20);
    }

    private static void motorcycle(Graphics2D g, Color body) {
        wheel(g, 22, -20, 20);
        wheel(g, 98, -20, 20);
        g.setColor(body);
        g.fill(
                new Polygon(
                        new int[] {22, 40, 92, 104, 70, 36},
                        new int[] {-22, -50, -52, -26, -30, -30},
                        6));
        g.setColor(RIDER);
        g.setStroke(new BasicStroke(9, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(50, -52, 62, -76);
        g.drawLine(62, -76, 84, -60);
        g.fill(new Ellipse2D.Double(54, -92, 18, 18));
        g.setStroke(new BasicStroke(1));
    }

    private static void bicycle(Graphics2D g, Color body) {
        g.setColor(TYRE);
        g.setStroke(new BasicStroke(4));
        g.draw(new Ellipse2D.Double(2, -38, 34, 34));
        g.draw(new Ellipse2D.Double(58, -38, 34, 34));
        g.setColor(body);
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(19, -21, 42, -21);
        g.drawLine(42, -21, 70, -44);
        g.drawLine(19, -21, 36, -46);
        g.drawLine(36, -46, 70, -44);
        g.drawLine(70, -44, 75, -21);
        g.setColor(RIDER);
        g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(36, -50, 48, -64);
        g.drawLine(48, -64, 66, -50);
        g.fill(new Ellipse2D.Double(40, -80, 16, 16));
        g.setStroke(new BasicStroke(1));
    }

    private static void wheel(Graphics2D g, int cx, int cy, int r) {
        g.setColor(TYRE);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2.0 * r, 2.0 * r));
        g.setColor(HUB);
        g.fill(new Ellipse2D.Double(cx - r / 2.0, cy - r / 2.0, r, r));
    }

    /** The plate, centred on the body, with dark text on yellow; never mirrored. */
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
        g.setColor(Color.BLACK);
        g.drawRect(0, 0, t.plateWidth() - 1, t.plateHeight() - 1);
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

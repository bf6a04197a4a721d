package dev.flinkedge.connectors.source.camera.synthetic;

import dev.flinkedge.connectors.model.GroundTruth;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic road scene for testing video pipelines without cameras: a four-lane road seen from
 * the side, with cars, buses, trucks, motorcycles and bicycles of several colours driving through,
 * each motor vehicle with a readable licence plate ("AB12 CDE", silver on black). Vehicles are
 * shaded like photographed ones so that detectors trained on COCO find them (yolov8n recalls about
 * three quarters of them). Everything is a function of the seed and the scene time, so the same
 * seed gives the same image for the same time, byte for byte on the same machine (text uses the
 * platform's monospaced font). Each rendering comes with its ground truth: boxes in the image's
 * pixels, class, colour and plate.
 *
 * <p>Scene units are the pixels of a 1280×720 image; other sizes are scaled. At 1280×720 the
 * smallest road user (a bicycle in the farthest lane) is about 66 pixels wide, cars 147–210.
 *
 * <pre>{@code
 * SyntheticTrafficScene scene = new SyntheticTrafficScene(42, 1280, 720);
 * SyntheticTrafficScene.Rendering r = scene.render(12_500);
 * ImageIO.write(r.image(), "png", file);
 * }</pre>
 *
 * <p>Not thread-safe: one instance per camera.
 */
@PublicEvolving
public final class SyntheticTrafficScene {

    private static final Font LABEL_FONT = new Font(Font.MONOSPACED, Font.PLAIN, 16);

    private static final double SCENE_HEIGHT = 720;
    private static final double MIN_VISIBLE_SHARE = 1.0 / 3;

    private final long seed;
    private final int width;
    private final int height;
    private final TrafficSchedule schedule;
    private final VehiclePainter painter = new VehiclePainter();
    private final BufferedImage background;

    /**
     * @param seed determines the buildings and all traffic
     * @param width image width in pixels, {@code > 0}
     * @param height image height in pixels, {@code > 0}
     */
    public SyntheticTrafficScene(long seed, int width, int height) {
        Preconditions.checkArgument(
                width > 0 && height > 0,
                "Synthetic scene size %sx%s must be positive",
                width,
                height);
        this.seed = seed;
        this.width = width;
        this.height = height;
        this.schedule = new TrafficSchedule(seed);
        this.background = renderBackground();
    }

    /**
     * The image and ground truth of the scene at {@code sceneTimeMs} milliseconds after its start.
     *
     * @return a new image (BGR) owned by the caller, and its ground truth
     */
    public Rendering render(long sceneTimeMs) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(background, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            double sx = width / TrafficSchedule.SCENE_WIDTH;
            double sy = height / SCENE_HEIGHT;
            g.scale(sx, sy);
            List<Vehicle> vehicles = schedule.vehiclesAt(sceneTimeMs / 1000.0);
            for (Vehicle v : vehicles) {
                painter.paint(g, v);
            }
            g.setColor(Color.BLACK);
            g.setFont(LABEL_FONT);
            g.drawString(
                    String.format(Locale.ROOT, "SYN-%d  t=%.1fs", seed, sceneTimeMs / 1000.0),
                    12,
                    24);
            return new Rendering(image, truth(vehicles, sx, sy));
        } finally {
            g.dispose();
        }
    }

    /**
     * What the scene shows at {@code sceneTimeMs}, without drawing it: the ground truth {@link
     * #render} returns with its image. Cheap, so that results can be measured against every frame
     * of a camera's native rate, also those a lower delivered rate never rendered.
     */
    public GroundTruth truthAt(long sceneTimeMs) {
        return truth(
                schedule.vehiclesAt(sceneTimeMs / 1000.0),
                width / TrafficSchedule.SCENE_WIDTH,
                height / SCENE_HEIGHT);
    }

    private GroundTruth truth(List<Vehicle> vehicles, double sx, double sy) {
        List<GroundTruth.TruthObject> truth = new ArrayList<>(vehicles.size());
        for (Vehicle v : vehicles) {
            GroundTruth.TruthObject box = truthBox(v, sx, sy);
            if (box != null) {
                truth.add(box);
            }
        }
        return new GroundTruth(truth);
    }

    /** The box of {@code v} in image pixels, clipped to the image; null if mostly outside. */
    private GroundTruth.TruthObject truthBox(Vehicle v, double sx, double sy) {
        int x0 = (int) Math.floor(v.left() * sx);
        int x1 = (int) Math.ceil((v.left() + v.width()) * sx);
        int y0 = (int) Math.floor(v.top() * sy);
        int y1 = (int) Math.ceil(v.bottom() * sy);
        int cx0 = Math.max(0, x0);
        int cx1 = Math.min(width, x1);
        int cy0 = Math.max(0, y0);
        int cy1 = Math.min(height, y1);
        if (cx1 - cx0 < Math.max(1, (x1 - x0) * MIN_VISIBLE_SHARE) || cy1 <= cy0) {
            return null;
        }
        return new GroundTruth.TruthObject(
                v.objectId(),
                v.type().className(),
                v.colour(),
                v.plate(),
                cx0,
                cy0,
                cx1 - cx0,
                cy1 - cy0);
    }

    /**
     * Sky, buildings, pavements and the worn road with its markings; drawn once, since vehicles
     * only ever cover it.
     */
    private BufferedImage renderBackground() {
        BufferedImage bg = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        double roadTop = TrafficSchedule.ROAD_TOP;
        double roadBottom = roadTop + TrafficSchedule.LANES * TrafficSchedule.LANE_HEIGHT;
        Graphics2D g = bg.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(width / TrafficSchedule.SCENE_WIDTH, height / SCENE_HEIGHT);
            g.setPaint(
                    new GradientPaint(
                            0, 0, new Color(120, 170, 222), 0, 230, new Color(196, 218, 236)));
            g.fillRect(0, 0, 1280, 720);
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int x = -20; x < 1280; x += 70 + rnd.nextInt(60)) {
                building(g, rnd, x, (int) roadTop - 32);
            }
            pavements(g, (int) roadTop, (int) roadBottom);
            road(g, rnd, roadTop, roadBottom);
        } finally {
            g.dispose();
        }
        return bg;
    }

    /** Slab pavements with kerbs above and below the road. */
    private static void pavements(Graphics2D g, int roadTop, int roadBottom) {
        g.setColor(new Color(168, 166, 160));
        g.fillRect(0, roadTop - 32, 1280, 32);
        g.fillRect(0, roadBottom, 1280, 720 - roadBottom);
        g.setColor(new Color(150, 148, 142));
        g.setStroke(new BasicStroke(1.5f));
        for (int x = 0; x < 1280; x += 48) {
            g.drawLine(x, roadTop - 32, x - 10, roadTop - 4);
            g.drawLine(x, roadBottom + 8, x + 14, 720);
        }
        g.drawLine(0, roadTop - 16, 1280, roadTop - 16);
        g.drawLine(0, roadBottom + 30, 1280, roadBottom + 30);
        g.setColor(new Color(200, 198, 192));
        g.fillRect(0, roadTop - 6, 1280, 6);
        g.fillRect(0, roadBottom, 1280, 8);
    }

    /** A block of flats: a shaded facade, windows with sky reflections, a darker ground floor. */
    private static void building(Graphics2D g, SplittableRandom rnd, int x, int ground) {
        int w = 60 + rnd.nextInt(90);
        int h = 70 + rnd.nextInt(150);
        int shade = 120 + rnd.nextInt(80);
        Color wall = new Color(shade, shade - 10, shade - 25);
        g.setPaint(new GradientPaint(x, 0, wall, x + w, 0, wall.darker()));
        g.fillRect(x, ground - h, w, h);
        g.setColor(wall.darker().darker());
        g.fillRect(x, ground - h, w, 4);
        for (int wy = ground - h + 10; wy < ground - 40; wy += 26) {
            for (int wx = x + 8; wx < x + w - 14; wx += 20) {
                g.setPaint(
                        new GradientPaint(
                                wx,
                                wy,
                                new Color(150, 170, 190),
                                wx + 10,
                                wy + 14,
                                new Color(55, 65, 80)));
                g.fillRect(wx, wy, 10, 14);
            }
        }
        g.setColor(new Color(60, 62, 66));
        g.fillRect(x + 4, ground - 26, w - 8, 22);
    }

    /**
     * Asphalt with the wear of a used road: darker repair patches and tar-sealed cracks, then the
     * lane markings.
     */
    private static void road(Graphics2D g, SplittableRandom rnd, double top, double bottom) {
        g.setColor(new Color(96, 96, 100));
        g.fillRect(0, (int) top, 1280, (int) (bottom - top));
        g.setColor(new Color(70, 70, 74));
        g.fillRect(0, (int) top, 1280, 5);
        Shape unclipped = g.getClip();
        g.clip(new Rectangle2D.Double(0, top, 1280, bottom - top));
        for (int i = 0; i < 14; i++) {
            int x = rnd.nextInt(1280);
            int y = (int) top + rnd.nextInt((int) (bottom - top) - 20);
            g.setColor(new Color(84, 84, 88));
            g.fillRect(x, y, 40 + rnd.nextInt(120), 12 + rnd.nextInt(30));
        }
        g.setColor(new Color(62, 62, 66));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 10; i++) {
            double x = rnd.nextInt(1280);
            double y = top + 10 + rnd.nextInt((int) (bottom - top) - 20);
            Path2D.Double crack = new Path2D.Double();
            crack.moveTo(x, y);
            for (int k = 0; k < 4; k++) {
                x += 10 + rnd.nextInt(25);
                y += rnd.nextInt(-8, 9);
                crack.lineTo(x, y);
            }
            g.draw(crack);
        }
        g.setClip(unclipped);
        laneMarkings(g, top);
    }

    private static void laneMarkings(Graphics2D g, double roadTop) {
        for (int lane = 1; lane < TrafficSchedule.LANES; lane++) {
            int y = (int) (roadTop + lane * TrafficSchedule.LANE_HEIGHT);
            if (lane == TrafficSchedule.LANES / 2) {
                g.setColor(new Color(222, 184, 46));
                g.setStroke(new BasicStroke(4));
                g.drawLine(0, y - 4, 1280, y - 4);
                g.drawLine(0, y + 4, 1280, y + 4);
            } else {
                g.setColor(new Color(226, 226, 220));
                g.setStroke(
                        new BasicStroke(
                                5,
                                BasicStroke.CAP_BUTT,
                                BasicStroke.JOIN_MITER,
                                10,
                                new float[] {40, 30},
                                0));
                g.drawLine(0, y, 1280, y);
            }
        }
    }

    /** Seed of the scene. */
    public long seed() {
        return seed;
    }

    /** Width of rendered images. */
    public int width() {
        return width;
    }

    /** Height of rendered images. */
    public int height() {
        return height;
    }

    /**
     * One rendering of the scene.
     *
     * @param image the picture, {@code TYPE_3BYTE_BGR}
     * @param truth what it shows, boxes in the picture's pixels
     */
    public record Rendering(BufferedImage image, GroundTruth truth) {}
}

package dev.flinkedge.connectors.source.camera.synthetic;

import dev.flinkedge.connectors.api.GroundTruth;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic road scene for testing video pipelines without cameras: a four-lane road seen from
 * the side, with cars, buses, trucks, motorcycles and bicycles of several colours driving through,
 * each motor vehicle with a readable licence plate ("AB12 CDE"). Everything is a function of the
 * seed and the scene time, so the same seed gives the same image for the same time, byte for byte
 * on the same machine (text uses the platform's monospaced font). Each rendering comes with its
 * ground truth: boxes in the image's pixels, class, colour and plate.
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
            List<GroundTruth.TruthObject> truth = new ArrayList<>(vehicles.size());
            for (Vehicle v : vehicles) {
                painter.paint(g, v);
                GroundTruth.TruthObject box = truthBox(v, sx, sy);
                if (box != null) {
                    truth.add(box);
                }
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 16));
            g.drawString(
                    String.format(Locale.ROOT, "SYN-%d  t=%.1fs", seed, sceneTimeMs / 1000.0),
                    12,
                    24);
            return new Rendering(image, new GroundTruth(truth));
        } finally {
            g.dispose();
        }
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

    private BufferedImage renderBackground() {
        BufferedImage bg = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bg.createGraphics();
        try {
            g.scale(width / TrafficSchedule.SCENE_WIDTH, height / SCENE_HEIGHT);
            double roadTop = TrafficSchedule.ROAD_TOP;
            double roadBottom = roadTop + TrafficSchedule.LANES * TrafficSchedule.LANE_HEIGHT;
            g.setColor(new Color(160, 200, 232));
            g.fillRect(0, 0, 1280, 720);
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int x = -20; x < 1280; x += 70 + rnd.nextInt(60)) {
                int w = 60 + rnd.nextInt(90);
                int h = 70 + rnd.nextInt(150);
                int shade = 120 + rnd.nextInt(80);
                g.setColor(new Color(shade, shade - 10, shade - 25));
                g.fillRect(x, (int) roadTop - 32 - h, w, h);
                g.setColor(new Color(70, 80, 95));
                for (int wy = (int) roadTop - 22 - h; wy < roadTop - 50; wy += 26) {
                    for (int wx = x + 8; wx < x + w - 14; wx += 20) {
                        g.fillRect(wx, wy, 10, 14);
                    }
                }
            }
            g.setColor(new Color(175, 175, 170));
            g.fillRect(0, (int) roadTop - 32, 1280, 32);
            g.setColor(new Color(78, 78, 84));
            g.fillRect(0, (int) roadTop, 1280, (int) (roadBottom - roadTop));
            g.setColor(new Color(175, 175, 170));
            g.fillRect(0, (int) roadBottom, 1280, 720 - (int) roadBottom);
            for (int lane = 1; lane < TrafficSchedule.LANES; lane++) {
                int y = (int) (roadTop + lane * TrafficSchedule.LANE_HEIGHT);
                if (lane == TrafficSchedule.LANES / 2) {
                    g.setColor(new Color(230, 190, 40));
                    g.setStroke(new BasicStroke(4));
                    g.drawLine(0, y - 4, 1280, y - 4);
                    g.drawLine(0, y + 4, 1280, y + 4);
                } else {
                    g.setColor(new Color(235, 235, 235));
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
        } finally {
            g.dispose();
        }
        return bg;
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

package dev.flinkedge.connectors.source.camera.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.GroundTruth.TruthObject;
import dev.flinkedge.connectors.source.camera.reader.FrameEncoder;
import dev.flinkedge.connectors.source.camera.reader.feed.SourceImage;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

/** Determinism and ground-truth sanity of the synthetic traffic scene. */
class SyntheticTrafficSceneTest {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticTrafficSceneTest.class);
    private static final Pattern PLATE = Pattern.compile("[A-Z]{2}[0-9]{2} [A-Z]{3}");

    @Test
    void sameSeedAndTimeGiveTheSameBytes() throws Exception {
        SyntheticTrafficScene a = new SyntheticTrafficScene(42, 1280, 720);
        SyntheticTrafficScene b = new SyntheticTrafficScene(42, 1280, 720);
        a.render(99_000);

        for (long t : new long[] {0, 1_500, 37_300}) {
            SyntheticTrafficScene.Rendering ra = a.render(t);
            SyntheticTrafficScene.Rendering rb = b.render(t);
            assertThat(pixels(ra.image())).isEqualTo(pixels(rb.image()));
            assertThat(ra.truth()).isEqualTo(rb.truth());
            try (FrameEncoder e1 = new FrameEncoder(0.85f);
                    FrameEncoder e2 = new FrameEncoder(0.85f)) {
                assertThat(e1.encode(new SourceImage(ra.image(), ra.truth()), 640, 360).jpeg())
                        .isEqualTo(
                                e2.encode(new SourceImage(rb.image(), rb.truth()), 640, 360)
                                        .jpeg());
            }
        }
    }

    @Test
    void otherSeedsAndTimesGiveOtherScenes() {
        byte[] base = pixels(new SyntheticTrafficScene(42, 640, 360).render(5_000).image());

        assertThat(pixels(new SyntheticTrafficScene(43, 640, 360).render(5_000).image()))
                .isNotEqualTo(base);
        assertThat(pixels(new SyntheticTrafficScene(42, 640, 360).render(5_100).image()))
                .isNotEqualTo(base);
    }

    @Test
    void groundTruthBoxesLieInsideTheFrameAndVehiclesAreDetectableSizes() {
        SyntheticTrafficScene scene = new SyntheticTrafficScene(7, 1280, 720);
        Set<String> classes = new HashSet<>();
        Set<String> colours = new HashSet<>();
        int objects = 0;
        for (long t = 0; t < 120_000; t += 1_000) {
            List<TruthObject> truth = scene.render(t).truth().objects();
            assertThat(truth).as("vehicles at %s ms", t).isNotEmpty();
            for (TruthObject o : truth) {
                objects++;
                classes.add(o.cls());
                colours.add(o.colour());
                assertThat(o.x()).isBetween(0, 1279);
                assertThat(o.y()).isBetween(0, 719);
                assertThat(o.x() + o.w()).isLessThanOrEqualTo(1280);
                assertThat(o.y() + o.h()).isLessThanOrEqualTo(720);
                assertThat(o.h()).isGreaterThanOrEqualTo(40);
                if (o.x() > 0 && o.x() + o.w() < 1280) {
                    assertThat(o.w()).as("fully visible %s", o).isGreaterThanOrEqualTo(60);
                }
                if (o.cls().equals("bicycle")) {
                    assertThat(o.plate()).isNull();
                } else {
                    assertThat(o.plate()).as("plate of %s", o).matches(PLATE);
                }
            }
        }
        assertThat(classes)
                .containsExactlyInAnyOrder("car", "bus", "truck", "motorcycle", "bicycle");
        assertThat(colours.size()).isGreaterThanOrEqualTo(6);
        LOG.info("{} objects over 120 scene seconds", objects);
    }

    @Test
    void truthAtIsTheRenderedTruthWithoutDrawing() {
        for (int[] size : new int[][] {{1280, 720}, {640, 360}, {333, 187}}) {
            SyntheticTrafficScene scene = new SyntheticTrafficScene(5, size[0], size[1]);
            for (long t : new long[] {0, 2_100, 17_700, 61_300}) {
                assertThat(scene.truthAt(t)).isEqualTo(scene.render(t).truth());
            }
        }
        assertThat(new SyntheticTrafficScene(5, 1280, 720).truthAt(17_700).objects()).isNotEmpty();
    }

    @Test
    void vehiclesKeepTheirIdentityAndMoveWithSceneTime() {
        SyntheticTrafficScene scene = new SyntheticTrafficScene(3, 1280, 720);
        Map<String, TruthObject> before = byId(scene.render(10_000).truth().objects());
        Map<String, TruthObject> after = byId(scene.render(10_500).truth().objects());

        Set<String> both = new HashSet<>(before.keySet());
        both.retainAll(after.keySet());
        assertThat(both).isNotEmpty();
        for (String id : both) {
            TruthObject a = before.get(id);
            TruthObject b = after.get(id);
            assertThat(b.plate()).isEqualTo(a.plate());
            assertThat(b.cls()).isEqualTo(a.cls());
            assertThat(b.y()).isEqualTo(a.y());
            if (a.x() > 0 && b.x() > 0 && a.x() + a.w() < 1280 && b.x() + b.w() < 1280) {
                assertThat(Math.abs(b.x() - a.x())).as("moved in 0.5 s: %s", id).isBetween(40, 120);
            }
        }
    }

    @Test
    void renderAndEncodeTimeAt1280x720() throws Exception {
        SyntheticTrafficScene scene = new SyntheticTrafficScene(11, 1280, 720);
        try (FrameEncoder encoder = new FrameEncoder(0.85f)) {
            for (int i = 0; i < 5; i++) {
                SyntheticTrafficScene.Rendering r = scene.render(i * 100L);
                encoder.encode(new SourceImage(r.image(), r.truth()), 1280, 720);
            }
            int n = 40;
            long renderNanos = 0;
            long encodeNanos = 0;
            int bytes = 0;
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                SyntheticTrafficScene.Rendering r = scene.render(10_000 + i * 100L);
                long t1 = System.nanoTime();
                byte[] jpeg =
                        encoder.encode(new SourceImage(r.image(), r.truth()), 1280, 720).jpeg();
                long t2 = System.nanoTime();
                renderNanos += t1 - t0;
                encodeNanos += t2 - t1;
                bytes += jpeg.length;
                if (i == 0) {
                    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
                    assertThat(decoded.getWidth()).isEqualTo(1280);
                    assertThat(decoded.getHeight()).isEqualTo(720);
                }
            }
            double renderMs = renderNanos / 1e6 / n;
            double encodeMs = encodeNanos / 1e6 / n;
            LOG.info(
                    "Synthetic 1280x720: render {} ms + JPEG {} ms per frame, {} KB per frame",
                    String.format("%.1f", renderMs),
                    String.format("%.1f", encodeMs),
                    bytes / n / 1024);
            assertThat(renderMs + encodeMs).as("ms per frame").isLessThan(500);
        }
    }

    private static Map<String, TruthObject> byId(List<TruthObject> objects) {
        return objects.stream()
                .collect(Collectors.toMap(TruthObject::objectId, Function.identity()));
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}

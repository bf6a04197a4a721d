package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class PlateReaderTest {

    private static SharedModels.Lease<PlateReader> lease;

    @BeforeAll
    static void load() {
        lease = PlateReader.shared();
    }

    @AfterAll
    static void release() {
        lease.close();
    }

    /** A 320×120 grey "vehicle" with {@code text} on a white plate at (60, 40), 200×44. */
    private static BufferedImage withText(String text) {
        BufferedImage image = new BufferedImage(320, 120, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(90, 95, 105));
        g.fillRect(0, 0, 320, 120);
        g.setColor(new Color(245, 245, 240));
        g.fillRect(60, 40, 200, 44);
        g.setColor(new Color(15, 15, 20));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(
                text, 160 - fm.stringWidth(text) / 2, 62 + (fm.getAscent() - fm.getDescent()) / 2);
        g.dispose();
        return image;
    }

    @Test
    void readsAPlateWithoutItsSpace() {
        Optional<PlateText> plate = lease.get().read(withText("AB12 CDE"));

        assertThat(plate).isPresent();
        assertThat(plate.get().text()).isEqualTo("AB12CDE");
        assertThat(plate.get().confidence()).isBetween(PlateReader.MIN_CONFIDENCE, 1f);
        Box box = plate.get().box();
        // The text lies inside the plate at (60, 40) 200×44; its box must cover the glyphs.
        assertThat(box.x()).isBetween(60, 100);
        assertThat(box.x() + box.width()).isBetween(220, 262);
        assertThat(box.y()).isBetween(38, 55);
        assertThat(box.y() + box.height()).isBetween(70, 86);
    }

    @Test
    void findsNothingWithoutText() {
        BufferedImage blank = withText("");

        assertThat(lease.get().detect(blank)).isEmpty();
        assertThat(lease.get().read(blank)).isEmpty();
    }

    @Test
    void ignoresTextWithoutDigits() {
        BufferedImage badge = withText("HYUNDAI");

        assertThat(lease.get().detect(badge)).isNotEmpty();
        assertThat(lease.get().read(badge)).isEmpty();
    }

    @Test
    void operatorsShareOneReader() {
        try (SharedModels.Lease<PlateReader> second = PlateReader.shared()) {
            assertThat(second.get()).isSameAs(lease.get());
            assertThat(SharedModels.holders(PlateReader.SHARED_KEY)).isEqualTo(2);
        }
        assertThat(SharedModels.holders(PlateReader.SHARED_KEY)).isEqualTo(1);
    }

    @Test
    void concurrentReadsGiveTheSequentialResults() throws Exception {
        List<BufferedImage> images =
                List.of(
                        withText("KN63 MDR"),
                        withText("PW07 RTF"),
                        withText("XT09 TTR"),
                        withText("TAXI"));
        List<Optional<PlateText>> sequential = new ArrayList<>();
        for (BufferedImage image : images) {
            sequential.add(lease.get().read(image));
        }
        ExecutorService pool = Executors.newFixedThreadPool(images.size());
        try {
            List<Future<Optional<PlateText>>> futures = new ArrayList<>();
            for (BufferedImage image : images) {
                futures.add(pool.submit(() -> lease.get().read(image)));
            }
            for (int i = 0; i < images.size(); i++) {
                Optional<PlateText> concurrent = futures.get(i).get(60, TimeUnit.SECONDS);
                assertThat(concurrent.map(PlateText::text))
                        .isEqualTo(sequential.get(i).map(PlateText::text));
                assertThat(concurrent.map(PlateText::box))
                        .isEqualTo(sequential.get(i).map(PlateText::box));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequential)
                .extracting(p -> p.map(PlateText::text).orElse(""))
                .containsExactly("KN63MDR", "PW07RTF", "XT09TTR", "");
    }
}

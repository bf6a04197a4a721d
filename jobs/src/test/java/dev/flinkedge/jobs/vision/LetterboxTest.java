package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Letterbox geometry, padding and box mapping on hand-computed values. */
class LetterboxTest {

    @Test
    void wideImageIsHalvedAndCentredVertically() {
        Letterbox lb = Letterbox.fit(1280, 720, 640, 640);

        assertThat(lb.scale()).isEqualTo(0.5);
        assertThat(lb.scaledWidth()).isEqualTo(640);
        assertThat(lb.scaledHeight()).isEqualTo(360);
        assertThat(lb.padLeft()).isZero();
        assertThat(lb.padTop()).isEqualTo(140);
    }

    @Test
    void tallImageIsCentredHorizontally() {
        Letterbox lb = Letterbox.fit(300, 600, 640, 640);

        assertThat(lb.scale()).isCloseTo(640 / 600.0, within(1e-12));
        assertThat(lb.scaledWidth()).isEqualTo(320);
        assertThat(lb.scaledHeight()).isEqualTo(640);
        assertThat(lb.padLeft()).isEqualTo(160);
        assertThat(lb.padTop()).isZero();
    }

    @Test
    void oddPaddingPutsTheExtraPixelAtTheEnd() {
        // 100x97 at 0.64 -> 64x62: 2 rows of padding, 1 above; 100x99 -> 64x63: 1 row, 0 above.
        assertThat(Letterbox.fit(100, 97, 64, 64).padTop()).isEqualTo(1);
        Letterbox odd = Letterbox.fit(100, 99, 64, 64);
        assertThat(odd.scaledHeight()).isEqualTo(63);
        assertThat(odd.padTop()).isZero();
    }

    @Test
    void boxesMapBackToImagePixels() {
        Letterbox lb = Letterbox.fit(1280, 720, 640, 640);

        // input (100, 240)-(300, 340): minus the 140 rows of padding, times 2
        assertThat(lb.toImage(100, 240, 300, 340)).isEqualTo(new Box(200, 200, 400, 200));
        Letterbox tall = Letterbox.fit(300, 600, 640, 640);
        // input x 160 + 32 = 192 -> 30 image pixels; 640/600 per pixel
        assertThat(tall.toImage(192, 64, 352, 320)).isEqualTo(new Box(30, 60, 150, 240));
    }

    @Test
    void boxesAreClippedToTheImage() {
        Letterbox lb = Letterbox.fit(1280, 720, 640, 640);

        assertThat(lb.toImage(-20, 100, 50, 520)).isEqualTo(new Box(0, 0, 100, 720));
        assertThat(lb.toImage(600, 450, 700, 700)).isEqualTo(new Box(1200, 620, 80, 100));
    }

    @Test
    void boxesInThePaddingOnlyAreDropped() {
        Letterbox lb = Letterbox.fit(1280, 720, 640, 640);

        assertThat(lb.toImage(10, 10, 200, 139)).isNull();
        assertThat(lb.toImage(10, 501, 200, 640)).isNull();
    }

    @Test
    void tensorIsPlanarRgbInUnitRangeWithGreyPadding() {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(255, 51, 0));
        g.fillRect(0, 0, 4, 2);
        g.dispose();
        Letterbox lb = Letterbox.fit(4, 2, 8, 8);

        float[] t = lb.tensor(image);

        // scale 2: the image covers rows 2..5, padding rows 0..1 and 6..7
        assertThat(lb.padTop()).isEqualTo(2);
        assertThat(t).hasSize(3 * 64);
        float grey = 114 / 255f;
        for (int c = 0; c < 3; c++) {
            assertThat(t[c * 64 + 8 + 3]).as("padding row 1, channel %s", c).isEqualTo(grey);
            assertThat(t[c * 64 + 7 * 8 + 5]).as("padding row 7, channel %s", c).isEqualTo(grey);
        }
        int inside = 3 * 8 + 4;
        assertThat(t[inside]).isEqualTo(1f);
        assertThat(t[64 + inside]).isEqualTo(0.2f);
        assertThat(t[128 + inside]).isEqualTo(0f);
    }

    @Test
    void rejectsAnImageOfAnotherSize() {
        Letterbox lb = Letterbox.fit(4, 2, 8, 8);

        assertThatThrownBy(() -> lb.tensor(new BufferedImage(2, 4, BufferedImage.TYPE_INT_RGB)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4x2")
                .hasMessageContaining("2x4");
    }
}

package dev.flinkedge.connectors.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

/** JPEG encoding: quality checked, pictures with alpha flattened, the writer reused. */
class JpegEncoderTest {

    @Test
    void encodesPicturesWithAndWithoutAlphaRepeatedly() throws Exception {
        BufferedImage argb = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        try (JpegEncoder jpeg = new JpegEncoder(0.9f)) {
            for (BufferedImage image :
                    new BufferedImage[] {
                        argb, argb, new BufferedImage(8, 6, BufferedImage.TYPE_3BYTE_BGR)
                    }) {
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg.encode(image)));
                assertThat(decoded.getWidth()).isEqualTo(image.getWidth());
                assertThat(decoded.getHeight()).isEqualTo(image.getHeight());
            }
            BufferedImage red = ImageIO.read(new ByteArrayInputStream(jpeg.encode(argb)));
            assertThat(new Color(red.getRGB(20, 15)).getRed()).isGreaterThan(200);
        }
    }

    @Test
    void refusesAQualityOutsideZeroToOne() {
        assertThatThrownBy(() -> new JpegEncoder(0f))
                .hasMessage("JPEG quality must be in (0, 1] but was 0.0");
        assertThatThrownBy(() -> new JpegEncoder(1.5f)).hasMessageContaining("1.5");
    }
}

package dev.flinkedge.connectors.source.camera.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.source.camera.reader.feed.SourceImage;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

/** Scaling, JPEG encoding and ground-truth scaling of delivered frames. */
class FrameEncoderTest {

    @Test
    void scalesToTheRequestedSizeAndScalesTheBoxes() throws Exception {
        BufferedImage image = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(200, 100, 400, 200);
        g.dispose();
        GroundTruth truth =
                new GroundTruth(
                        List.of(
                                new GroundTruth.TruthObject(
                                        "v1", "car", "red", "AB12 CDE", 200, 100, 400, 200)));

        try (FrameEncoder encoder = new FrameEncoder(0.9f)) {
            FrameEncoder.EncodedImage e = encoder.encode(new SourceImage(image, truth), 640, 360);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(e.jpeg()));

            assertThat(decoded.getWidth()).isEqualTo(640);
            assertThat(decoded.getHeight()).isEqualTo(360);
            assertThat(e.truth().objects())
                    .containsExactly(
                            new GroundTruth.TruthObject(
                                    "v1", "car", "red", "AB12 CDE", 100, 50, 200, 100));
            Color centre = new Color(decoded.getRGB(200, 100));
            assertThat(centre.getRed()).isGreaterThan(200);
            assertThat(centre.getGreen()).isLessThan(60);
        }
    }

    @Test
    void encodesImagesWithAlphaAndKeepsNativeSizedOnesUnscaled() throws Exception {
        BufferedImage argb = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        try (FrameEncoder encoder = new FrameEncoder(0.85f)) {
            FrameEncoder.EncodedImage e = encoder.encode(new SourceImage(argb, null), 64, 48);
            assertThat(ImageIO.read(new ByteArrayInputStream(e.jpeg())).getWidth()).isEqualTo(64);
            assertThat(e.truth()).isNull();
        }
    }

    @Test
    void deliveredFormatNeverExceedsNativeRateOrSize() {
        assertThat(DeliveredFormat.of(CameraPolicy.of("c", 2, 640, 360), 10, 1280, 720))
                .isEqualTo(new DeliveredFormat(2, 640, 360, 0));
        assertThat(
                        DeliveredFormat.of(
                                CameraPolicy.of("c", 30, 1920, 1080).withVersion(4), 10, 1280, 720))
                .isEqualTo(new DeliveredFormat(10, 1280, 720, 4));
        assertThat(DeliveredFormat.of(CameraPolicy.of("c", 5, 1920, 360), 10, 1280, 720))
                .isEqualTo(new DeliveredFormat(5, 1280, 720, 0));
    }
}

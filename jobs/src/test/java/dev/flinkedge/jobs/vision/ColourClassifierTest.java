package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.testutil.TestAssets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;

import javax.imageio.ImageIO;

class ColourClassifierTest {

    private static final Color ROAD = new Color(78, 78, 84);
    private static final Box CAR = new Box(50, 40, 200, 80);

    /** A side-view car in {@code paint} on a road, with a yellow plate and dark wheels. */
    private static BufferedImage car(Color paint) {
        BufferedImage image = road();
        Graphics2D g = image.createGraphics();
        g.setColor(paint);
        g.fillRect(90, 40, 120, 20); // cabin
        g.fillRect(50, 60, 200, 40); // body
        g.setColor(new Color(120, 160, 190));
        g.fillRect(100, 44, 45, 16); // windows
        g.fillRect(155, 44, 45, 16);
        g.setColor(new Color(250, 215, 40));
        g.fillRect(105, 62, 90, 26); // plate
        g.setColor(Color.BLACK);
        g.fillRect(112, 67, 76, 16);
        g.setColor(new Color(20, 20, 20));
        g.fill(new Ellipse2D.Double(70, 80, 40, 40));
        g.fill(new Ellipse2D.Double(190, 80, 40, 40));
        g.dispose();
        return image;
    }

    private static BufferedImage road() {
        BufferedImage image = new BufferedImage(300, 160, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(ROAD);
        g.fillRect(0, 0, 300, 160);
        g.dispose();
        return image;
    }

    @ParameterizedTest
    @CsvSource({
        "red, 190, 30, 35",
        "blue, 30, 70, 170",
        "green, 30, 120, 60",
        "orange, 235, 120, 20",
        "yellow, 240, 195, 20",
        "white, 235, 235, 235",
        "silver, 170, 172, 178",
        "black, 25, 25, 28",
        "grey, 105, 105, 110"
    })
    void namesThePaintNotThePlateWindowsWheelsOrRoad(String name, int r, int g, int b) {
        assertThat(ColourClassifier.classify(car(new Color(r, g, b)), CAR)).isEqualTo(name);
    }

    @Test
    void aCarColouredLikeTheRoadIsThatColour() {
        assertThat(ColourClassifier.classify(car(ROAD), CAR)).isEqualTo("grey");
    }

    @Test
    void thinFramesAreFoundAgainstTheRoad() {
        BufferedImage image = road();
        Graphics2D g = image.createGraphics();
        g.setStroke(new BasicStroke(5));
        g.setColor(new Color(20, 20, 20));
        g.draw(new Ellipse2D.Double(62, 92, 34, 34));
        g.draw(new Ellipse2D.Double(118, 92, 34, 34));
        g.setColor(new Color(30, 120, 60));
        g.drawLine(79, 109, 102, 109);
        g.drawLine(102, 109, 130, 86);
        g.drawLine(79, 109, 96, 84);
        g.drawLine(96, 84, 130, 86);
        g.drawLine(130, 86, 135, 109);
        g.dispose();

        assertThat(ColourClassifier.classify(image, new Box(60, 56, 95, 72))).isEqualTo("green");
    }

    @Test
    void clipsBoxesToTheImage() {
        assertThat(ColourClassifier.classify(car(new Color(30, 70, 170)), new Box(50, 40, 400, 80)))
                .isEqualTo("blue");
        assertThatThrownBy(() -> ColourClassifier.classify(road(), new Box(400, 10, 20, 20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the 300x160 image");
    }

    @Test
    void namesTheCarsOfRealPhotos() throws IOException {
        BufferedImage black = ImageIO.read(TestAssets.media("car1.jpg").toFile());
        BufferedImage silver = ImageIO.read(TestAssets.media("car2.jpg").toFile());

        assertThat(ColourClassifier.classify(black, CarPhotos.CAR1)).isEqualTo("black");
        assertThat(ColourClassifier.classify(silver, CarPhotos.CAR2)).isEqualTo("silver");
    }
}

package dev.flinkedge.jobs.vision;

import dev.flinkedge.connectors.testutil.TestAssets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * The car photos {@code bin/fetch-assets} fetches ({@code media/car1.jpg}, a black saloon, and
 * {@code media/car2.jpg}, a silver one, both in side view) with where the cars are, measured by
 * hand.
 */
final class CarPhotos {

    /** The black car in {@code car1.jpg} (1024×680). */
    static final Box CAR1 = new Box(51, 195, 903, 281);

    /** The silver car in {@code car2.jpg} (1500×938). */
    static final Box CAR2 = new Box(146, 338, 1242, 393);

    private CarPhotos() {}

    /**
     * A photo of one car and where it is.
     *
     * @param image the photo
     * @param car the car's bounding box
     * @param body the door panels, where a test may put a plate
     */
    record CarPhoto(BufferedImage image, Box car, Box body) {}

    /** Both photos, or a skipped test when they have not been fetched. */
    static List<CarPhoto> load() {
        return List.of(
                new CarPhoto(read(TestAssets.media("car1.jpg")), CAR1, new Box(128, 282, 768, 140)),
                new CarPhoto(
                        read(TestAssets.media("car2.jpg")), CAR2, new Box(206, 459, 1107, 179)));
    }

    private static BufferedImage read(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

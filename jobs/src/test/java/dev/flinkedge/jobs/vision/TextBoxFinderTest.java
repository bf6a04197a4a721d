package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.flinkedge.jobs.vision.TextBoxFinder.ScoredBox;

import org.junit.jupiter.api.Test;

import java.util.List;

class TextBoxFinderTest {

    private static final int W = 60;
    private static final int H = 30;

    private final TextBoxFinder finder = new TextBoxFinder(0.3f, 0.5f, 1.5, 3);

    private static void fill(float[] map, int x, int y, int w, int h, float p) {
        for (int yy = y; yy < y + h; yy++) {
            for (int xx = x; xx < x + w; xx++) {
                map[yy * W + xx] = p;
            }
        }
    }

    @Test
    void growsEachConfidentRegionByTheUnclipDistance() {
        float[] map = new float[W * H];
        fill(map, 5, 5, 10, 4, 0.9f);

        List<ScoredBox> boxes = finder.find(map, W, H);

        // grow = 10 * 4 * 1.5 / (2 * (10 + 4)) = 2.14 pixels on every side
        assertThat(boxes).hasSize(1);
        assertThat(boxes.get(0).box()).isEqualTo(new Box(2, 2, 16, 10));
        assertThat(boxes.get(0).score()).isCloseTo(0.9f, offset(1e-6f));
    }

    @Test
    void dropsWeakThinAndEmptyRegions() {
        float[] map = new float[W * H];
        fill(map, 5, 5, 10, 4, 0.4f); // above the binary threshold, below the box threshold
        fill(map, 30, 5, 20, 2, 0.9f); // two pixels high: thinner than the minimum size
        fill(map, 30, 20, 1, 1, 0.25f); // below the binary threshold

        assertThat(finder.find(map, W, H)).isEmpty();
    }

    @Test
    void scoresTheWholeBoxNotOnlyTheMarkedPixels() {
        float[] map = new float[W * H];
        // An L shape: 6x6 box, 11 pixels at 0.9, the other 25 at 0.
        fill(map, 10, 10, 1, 6, 0.9f);
        fill(map, 11, 15, 5, 1, 0.9f);

        List<ScoredBox> boxes = new TextBoxFinder(0.3f, 0.2f, 1.5, 3).find(map, W, H);

        assertThat(boxes).hasSize(1);
        assertThat(boxes.get(0).score()).isCloseTo(0.9f * 11 / 36, offset(1e-6f));
        assertThat(new TextBoxFinder(0.3f, 0.5f, 1.5, 3).find(map, W, H)).isEmpty();
    }

    @Test
    void diagonalNeighboursAreOneRegionAndBoxesAreClippedToTheMap() {
        float[] map = new float[W * H];
        fill(map, 0, 0, 4, 4, 0.8f);
        fill(map, 4, 4, 4, 4, 0.8f);
        fill(map, 40, 10, 8, 5, 0.95f);

        // The diagonal pair fills half its 8x8 box: score 0.4, kept with a 0.3 box threshold.
        List<ScoredBox> boxes = new TextBoxFinder(0.3f, 0.3f, 1.5, 3).find(map, W, H);

        assertThat(boxes).hasSize(2);
        // Best first: the 8x5 block, then the two diagonal squares as one 8x8 region at (0, 0).
        assertThat(boxes.get(0).score()).isCloseTo(0.95f, offset(1e-6f));
        Box corner = boxes.get(1).box();
        assertThat(corner.x()).isZero();
        assertThat(corner.y()).isZero();
        assertThat(corner.width()).isEqualTo(8 + 3);
    }

    @Test
    void joinsWordsOnOneLine() {
        ScoredBox ab12 = new ScoredBox(new Box(0, 0, 20, 10), 0.9f);
        ScoredBox cde = new ScoredBox(new Box(25, 1, 15, 10), 0.7f);
        ScoredBox below = new ScoredBox(new Box(0, 30, 20, 10), 0.8f);
        ScoredBox farRight = new ScoredBox(new Box(60, 0, 10, 10), 0.6f);

        List<ScoredBox> lines = TextBoxFinder.joinLines(List.of(ab12, cde, below, farRight), 1.0);

        assertThat(lines)
                .extracting(ScoredBox::box)
                .containsExactly(
                        new Box(0, 0, 40, 11), new Box(0, 30, 20, 10), new Box(60, 0, 10, 10));
        // area-weighted: (200 * 0.9 + 150 * 0.7) / 350
        assertThat(lines.get(0).score()).isCloseTo(285f / 350, offset(1e-6f));
    }

    @Test
    void rejectsBadSettingsAndMaps() {
        assertThatThrownBy(() -> new TextBoxFinder(0f, 0.5f, 1.5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("binary 0.0");
        assertThatThrownBy(() -> new TextBoxFinder(0.3f, 0.5f, 0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclip");
        assertThatThrownBy(() -> finder.find(new float[10], 5, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5x5");
    }
}

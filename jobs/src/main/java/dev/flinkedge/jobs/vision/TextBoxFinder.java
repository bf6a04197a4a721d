package dev.flinkedge.jobs.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Differentiable-binarisation (DB) post-processing of a text detection model's probability map, as
 * PP-OCR does it but with axis-aligned boxes: binarise the map, take each 8-connected component's
 * bounding box, keep boxes whose mean probability is high enough, and grow each by the DB "unclip"
 * distance, because the model is trained to mark a shrunk core of each text region. Licence plates
 * on vehicle crops are close to horizontal, so rotated boxes would buy little.
 */
final class TextBoxFinder {

    private final float binaryThreshold;
    private final float boxThreshold;
    private final double unclipRatio;
    private final int minSize;

    /**
     * @param binaryThreshold map pixels above this belong to text, in (0, 1)
     * @param boxThreshold minimum mean probability over a component's box, in (0, 1)
     * @param unclipRatio how far to grow a box: by {@code area × ratio / perimeter}, {@code > 0}
     * @param minSize components thinner than this many map pixels are noise, {@code >= 1}
     */
    TextBoxFinder(float binaryThreshold, float boxThreshold, double unclipRatio, int minSize) {
        if (!(binaryThreshold > 0 && binaryThreshold < 1)
                || !(boxThreshold > 0 && boxThreshold < 1)) {
            throw new IllegalArgumentException(
                    "thresholds must be in (0, 1), got binary "
                            + binaryThreshold
                            + " and box "
                            + boxThreshold);
        }
        if (!(unclipRatio > 0) || minSize < 1) {
            throw new IllegalArgumentException(
                    "unclip ratio must be > 0 and min size >= 1, got "
                            + unclipRatio
                            + " and "
                            + minSize);
        }
        this.binaryThreshold = binaryThreshold;
        this.boxThreshold = boxThreshold;
        this.unclipRatio = unclipRatio;
        this.minSize = minSize;
    }

    /**
     * The text boxes in a probability map, best score first.
     *
     * @param map probabilities in row-major order, {@code width × height}
     * @return boxes in map pixels, clipped to the map
     */
    List<ScoredBox> find(float[] map, int width, int height) {
        if (width < 1 || height < 1 || map.length < width * height) {
            throw new IllegalArgumentException(
                    "map of " + map.length + " values cannot be " + width + "x" + height);
        }
        boolean[] seen = new boolean[width * height];
        int[] stack = new int[width * height];
        List<ScoredBox> boxes = new ArrayList<>();
        for (int start = 0; start < width * height; start++) {
            if (seen[start] || map[start] <= binaryThreshold) {
                continue;
            }
            int minX = width;
            int minY = height;
            int maxX = -1;
            int maxY = -1;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int p = stack[--top];
                int px = p % width;
                int py = p / width;
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = py + dy;
                    if (ny < 0 || ny >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        int q = ny * width + nx;
                        if (nx >= 0 && nx < width && !seen[q] && map[q] > binaryThreshold) {
                            seen[q] = true;
                            stack[top++] = q;
                        }
                    }
                }
            }
            ScoredBox box = toBox(map, width, height, minX, minY, maxX, maxY);
            if (box != null) {
                boxes.add(box);
            }
        }
        boxes.sort(Comparator.comparingDouble(ScoredBox::score).reversed());
        return boxes;
    }

    private ScoredBox toBox(
            float[] map, int width, int height, int minX, int minY, int maxX, int maxY) {
        int w = maxX - minX + 1;
        int h = maxY - minY + 1;
        if (Math.min(w, h) < minSize) {
            return null;
        }
        double sum = 0;
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                sum += map[y * width + x];
            }
        }
        float score = (float) (sum / ((double) w * h));
        if (score < boxThreshold) {
            return null;
        }
        double grow = (double) w * h * unclipRatio / (2.0 * (w + h));
        int x0 = Math.max(0, (int) Math.floor(minX - grow));
        int y0 = Math.max(0, (int) Math.floor(minY - grow));
        int x1 = Math.min(width, (int) Math.ceil(maxX + 1 + grow));
        int y1 = Math.min(height, (int) Math.ceil(maxY + 1 + grow));
        return new ScoredBox(new Box(x0, y0, x1 - x0, y1 - y0), score);
    }

    /**
     * Joins boxes that continue one another on a line, because detection splits text at wide gaps
     * (a plate's "AB12 CDE" comes out as two words): two boxes join when they overlap vertically by
     * half the lower one's height and the horizontal gap between them is at most {@code maxGap}
     * times the taller one's height. Joined boxes score the area-weighted mean.
     *
     * @return the lines, best score first
     */
    static List<ScoredBox> joinLines(List<ScoredBox> boxes, double maxGap) {
        int n = boxes.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (sameLine(boxes.get(i).box(), boxes.get(j).box(), maxGap)) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        List<ScoredBox> lines = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (root(parent, r) != r) {
                continue;
            }
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = Integer.MIN_VALUE;
            int y1 = Integer.MIN_VALUE;
            double weighted = 0;
            double area = 0;
            for (int i = 0; i < n; i++) {
                if (root(parent, i) == r) {
                    Box b = boxes.get(i).box();
                    x0 = Math.min(x0, b.x());
                    y0 = Math.min(y0, b.y());
                    x1 = Math.max(x1, b.x() + b.width());
                    y1 = Math.max(y1, b.y() + b.height());
                    double a = (double) b.width() * b.height();
                    weighted += a * boxes.get(i).score();
                    area += a;
                }
            }
            lines.add(new ScoredBox(new Box(x0, y0, x1 - x0, y1 - y0), (float) (weighted / area)));
        }
        lines.sort(Comparator.comparingDouble(ScoredBox::score).reversed());
        return lines;
    }

    private static boolean sameLine(Box a, Box b, double maxGap) {
        int overlap = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        int gap = Math.max(a.x(), b.x()) - Math.min(a.x() + a.width(), b.x() + b.width());
        return overlap >= 0.5 * Math.min(a.height(), b.height())
                && gap <= maxGap * Math.max(a.height(), b.height());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * A text box and its detection score.
     *
     * @param box where, in map pixels
     * @param score mean text probability over the unexpanded box, in [0, 1]
     */
    record ScoredBox(Box box, float score) {}
}

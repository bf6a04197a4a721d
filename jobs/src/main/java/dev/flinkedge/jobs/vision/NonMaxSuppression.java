package dev.flinkedge.jobs.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy class-wise non-maximum suppression: the most confident box of a class is kept, and every
 * weaker box of the same class overlapping it by more than the IoU threshold is dropped. Boxes of
 * different classes never suppress each other.
 */
final class NonMaxSuppression {

    private NonMaxSuppression() {}

    /**
     * The kept candidates, most confident first (ties keep input order).
     *
     * @param iouThreshold overlap above which the weaker box is dropped, in (0, 1]
     * @param maxKept at most this many boxes are returned
     */
    static List<Candidate> apply(List<Candidate> candidates, float iouThreshold, int maxKept) {
        if (!(iouThreshold > 0 && iouThreshold <= 1) || maxKept < 1) {
            throw new IllegalArgumentException(
                    "need 0 < iouThreshold <= 1 and maxKept >= 1, got "
                            + iouThreshold
                            + " and "
                            + maxKept);
        }
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : sorted) {
            if (kept.size() == maxKept) {
                break;
            }
            boolean suppressed = false;
            for (Candidate k : kept) {
                if (k.classIndex() == c.classIndex() && k.iou(c) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(c);
            }
        }
        return kept;
    }
}

package dev.flinkedge.jobs.vision;

/**
 * A box a detector proposes before non-maximum suppression, in the model input's pixels.
 *
 * @param classIndex class number in the model's output
 * @param score class score in [0, 1]
 * @param x1 left edge
 * @param y1 top edge
 * @param x2 right edge, at least {@code x1}
 * @param y2 bottom edge, at least {@code y1}
 */
record Candidate(int classIndex, float score, float x1, float y1, float x2, float y2) {

    Candidate {
        if (!(x2 >= x1 && y2 >= y1)) {
            throw new IllegalArgumentException(
                    "box corners out of order: ("
                            + x1
                            + ", "
                            + y1
                            + ") to ("
                            + x2
                            + ", "
                            + y2
                            + ")");
        }
    }

    /** Intersection over union with {@code other}, 0 when either box is empty. */
    float iou(Candidate other) {
        float iw = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        float ih = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        float inter = iw * ih;
        float union = (x2 - x1) * (y2 - y1) + (other.x2 - other.x1) * (other.y2 - other.y1) - inter;
        return union <= 0 ? 0 : inter / union;
    }
}

package dev.flinkedge.jobs.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the output of a YOLOv8-format model, {@code [1, 4 + classes, anchors]}: for each anchor
 * (one column) the box centre, width and height in input pixels, then one score per class.
 */
final class YoloOutput {

    private YoloOutput() {}

    /**
     * The number of classes of an output, after checking its layout.
     *
     * @throws ModelLoadException when the output is not {@code [1, 4 + classes, anchors]}
     */
    static int classCount(OnnxModel.Tensor output, String model) {
        long[] s = output.shape();
        if (s.length != 3 || s[0] != 1 || s[1] <= 4) {
            throw new ModelLoadException(
                    "model "
                            + model
                            + " has output shape "
                            + Arrays.toString(s)
                            + "; a YOLOv8-format detector outputs [1, 4 +"
                            + " classes, anchors]: export it with Ultralytics' format=onnx");
        }
        if (s[1] - 4 > s[2]) {
            // more classes than anchors: the two axes are swapped
            throw new ModelLoadException(
                    "model "
                            + model
                            + " has output shape "
                            + Arrays.toString(s)
                            + ", which looks transposed ([1, anchors, 4 +"
                            + " classes]); a YOLOv8-format detector outputs [1, 4 + classes, anchors]");
        }
        return output.dim(1) - 4;
    }

    /**
     * The anchors whose best class is wanted and scores at least {@code minScore}, one candidate
     * each (that best class).
     *
     * @param wanted by class number, whether the class is kept
     */
    static List<Candidate> decode(OnnxModel.Tensor output, float minScore, boolean[] wanted) {
        float[] d = output.data();
        int classes = output.dim(1) - 4;
        int anchors = output.dim(2);
        if (wanted.length != classes) {
            throw new IllegalArgumentException(
                    "wanted has "
                            + wanted.length
                            + " entries for an output of "
                            + classes
                            + " classes");
        }
        List<Candidate> out = new ArrayList<>();
        for (int a = 0; a < anchors; a++) {
            int best = -1;
            float bestScore = minScore;
            for (int c = 0; c < classes; c++) {
                float score = d[(4 + c) * anchors + a];
                if (score >= bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
            if (best < 0 || !wanted[best]) {
                continue;
            }
            float cx = d[a];
            float cy = d[anchors + a];
            float halfW = Math.max(0, d[2 * anchors + a]) / 2;
            float halfH = Math.max(0, d[3 * anchors + a]) / 2;
            out.add(new Candidate(best, bestScore, cx - halfW, cy - halfH, cx + halfW, cy + halfH));
        }
        return out;
    }
}

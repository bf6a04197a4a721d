package dev.flinkedge.jobs.bench.scheduler;

import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.jobs.bench.workload.DetectedObject;
import dev.flinkedge.jobs.vision.Box;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Detection and plate counts against ground truth. A detection is a true positive when it covers a
 * ground-truth vehicle not yet taken with IoU at least {@value #IOU}, whatever the class (the
 * benchmark asks whether vehicles are found; the scene's cartoon buses and trucks are easily
 * swapped); detections are matched most confident first, each to the free vehicle it overlaps most.
 * A plate reading counts when it was tried on a detection matched to a vehicle with a plate, and is
 * correct when it found that plate (compared without spaces).
 *
 * @param truePositives detections matched to a vehicle
 * @param falsePositives detections matched to none
 * @param falseNegatives vehicles no detection matched
 * @param platesRead plate readings tried on vehicles that have a plate
 * @param platesCorrect of those, the correct ones
 */
public record Score(
        long truePositives,
        long falsePositives,
        long falseNegatives,
        long platesRead,
        long platesCorrect) {

    /** Overlap from which a detection is the vehicle it covers. */
    public static final double IOU = 0.5;

    /** Nothing counted. */
    public static final Score ZERO = new Score(0, 0, 0, 0, 0);

    /** Checks the counts. */
    public Score {
        if (truePositives < 0
                || falsePositives < 0
                || falseNegatives < 0
                || platesRead < 0
                || platesCorrect < 0
                || platesCorrect > platesRead) {
            throw new IllegalArgumentException(
                    "counts must be >= 0 and correct plates at most"
                            + " the plates read, got "
                            + truePositives
                            + "/"
                            + falsePositives
                            + "/"
                            + falseNegatives
                            + ", plates "
                            + platesCorrect
                            + "/"
                            + platesRead);
        }
    }

    /**
     * Scores {@code detections} against {@code truth}; both in the same picture's pixels.
     *
     * @param truth what the picture shows; null counts every detection as a false positive
     */
    public static Score of(List<DetectedObject> detections, GroundTruth truth) {
        List<GroundTruth.TruthObject> free =
                truth == null ? new ArrayList<>() : new ArrayList<>(truth.objects());
        List<DetectedObject> byConfidence = new ArrayList<>(detections);
        byConfidence.sort(Comparator.comparingDouble(DetectedObject::confidence).reversed());
        long tp = 0;
        long fp = 0;
        long read = 0;
        long correct = 0;
        for (DetectedObject d : byConfidence) {
            GroundTruth.TruthObject best = null;
            double bestIou = IOU;
            for (GroundTruth.TruthObject o : free) {
                double iou =
                        d.box().iou(new Box(o.x(), o.y(), Math.max(1, o.w()), Math.max(1, o.h())));
                if (iou >= bestIou) {
                    best = o;
                    bestIou = iou;
                }
            }
            if (best == null) {
                fp++;
                continue;
            }
            free.remove(best);
            tp++;
            if (d.plate() != null && best.plate() != null) {
                read++;
                if (d.plate().equals(best.plate().replace(" ", ""))) {
                    correct++;
                }
            }
        }
        return new Score(tp, fp, free.size(), read, correct);
    }

    /** The sum of both scores. */
    public Score plus(Score o) {
        return new Score(
                truePositives + o.truePositives,
                falsePositives + o.falsePositives,
                falseNegatives + o.falseNegatives,
                platesRead + o.platesRead,
                platesCorrect + o.platesCorrect);
    }

    /** Detection F1, in [0, 1]; 0 when nothing was detected or there was nothing to detect. */
    public double f1() {
        long denominator = 2 * truePositives + falsePositives + falseNegatives;
        return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }

    /** Share of plate readings that were correct, in [0, 1]; 0 without readings. */
    public double plateAccuracy() {
        return platesRead == 0 ? 0 : (double) platesCorrect / platesRead;
    }
}

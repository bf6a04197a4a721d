package dev.flinkedge.jobs.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Greedy CTC decoding of a recognition model's output: the most probable symbol at each time step,
 * repeats collapsed and blanks dropped. A folding function maps the model's classes onto the
 * symbols the caller wants: classes folded to the same symbol pool their probability (a plate
 * reader counts {@code S}, {@code s} and full-width {@code Ｓ} as one letter), and classes folded to
 * nothing are never emitted, so a step the model thinks is {@code ]} yields its best plate
 * character or a blank. Each emitted character carries its step's pooled probability.
 */
final class CtcDecoder {

    private static final int BLANK = 0;

    private final int classes;

    /** Symbol of each class; {@code -1} for classes never emitted. Symbol 0 is the blank. */
    private final int[] symbolOfClass;

    private final String[] symbols;

    /**
     * @param keys the model's character set
     * @param fold the symbol a key stands for, or null to never emit the key
     */
    CtcDecoder(OcrKeys keys, UnaryOperator<String> fold) {
        this.classes = keys.classes();
        this.symbolOfClass = new int[classes];
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        names.add("");
        for (int c = 1; c < classes; c++) {
            String symbol = fold.apply(keys.character(c));
            if (symbol == null) {
                symbolOfClass[c] = -1;
            } else {
                symbolOfClass[c] =
                        index.computeIfAbsent(
                                symbol,
                                s -> {
                                    names.add(s);
                                    return names.size() - 1;
                                });
            }
        }
        this.symbols = names.toArray(String[]::new);
    }

    /** A decoder that emits every key as it is. */
    static CtcDecoder plain(OcrKeys keys) {
        return new CtcDecoder(keys, UnaryOperator.identity());
    }

    /**
     * Decodes one sequence.
     *
     * @param probs per-step class probabilities, row-major {@code [steps, classes]}
     * @param steps time steps
     * @param classes classes per step; must match the keys
     */
    Decoded decode(float[] probs, int steps, int classes) {
        if (classes != this.classes) {
            throw new IllegalArgumentException(
                    "recognition output has "
                            + classes
                            + " classes but the keys define "
                            + this.classes
                            + "; the model and the keys file do not belong together");
        }
        if (probs.length < (long) steps * classes) {
            throw new IllegalArgumentException(
                    "expected " + steps + "x" + classes + " probabilities, got " + probs.length);
        }
        StringBuilder text = new StringBuilder();
        float[] charProbs = new float[steps];
        float[] pooled = new float[symbols.length];
        int kept = 0;
        int previous = BLANK;
        for (int t = 0; t < steps; t++) {
            int base = t * classes;
            Arrays.fill(pooled, 0f);
            pooled[BLANK] = probs[base];
            for (int c = 1; c < classes; c++) {
                int s = symbolOfClass[c];
                if (s >= 0) {
                    pooled[s] += probs[base + c];
                }
            }
            int best = BLANK;
            for (int s = 1; s < pooled.length; s++) {
                if (pooled[s] > pooled[best]) {
                    best = s;
                }
            }
            if (best != BLANK && best != previous) {
                text.append(symbols[best]);
                charProbs[kept++] = pooled[best];
            }
            previous = best;
        }
        return new Decoded(text.toString(), Arrays.copyOf(charProbs, kept));
    }

    /**
     * A decoded sequence.
     *
     * @param text the characters
     * @param charProbs probability of each emitted symbol of {@code text}, in order
     */
    record Decoded(String text, float[] charProbs) {
        Decoded {
            charProbs = charProbs.clone();
        }

        @Override
        public float[] charProbs() {
            return charProbs.clone();
        }

        /** Mean character probability, 0 for an empty reading. */
        float confidence() {
            if (charProbs.length == 0) {
                return 0;
            }
            double sum = 0;
            for (float p : charProbs) {
                sum += p;
            }
            return (float) (sum / charProbs.length);
        }
    }
}

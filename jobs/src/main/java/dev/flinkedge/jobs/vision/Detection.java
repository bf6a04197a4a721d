package dev.flinkedge.jobs.vision;

import java.io.Serializable;

/**
 * One object a detector found.
 *
 * @param label class name, e.g. {@code car}
 * @param confidence score in [0, 1]
 * @param box where, in pixels of the image the detector ran on
 */
public record Detection(String label, float confidence, Box box) implements Serializable {}

package dev.flinkedge.jobs.vision;

import java.io.Serializable;

/**
 * A plate reading.
 *
 * @param text upper-case letters and digits, no spaces
 * @param confidence mean character probability in [0, 1]
 * @param box where the text is, in pixels of the vehicle crop
 */
public record PlateText(String text, float confidence, Box box) implements Serializable {}

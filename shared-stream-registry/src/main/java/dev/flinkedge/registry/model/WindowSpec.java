package dev.flinkedge.registry.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the records of a stream are grouped in time: not at all, fixed (tumbling) windows, or sliding
 * windows. Part of the lineage fingerprint: the same operator over differently windowed parents is
 * a different computation.
 *
 * @param type NONE, FIXED or SLIDING
 * @param sizeMs window length in milliseconds (FIXED, SLIDING), else 0
 * @param slideMs slide in milliseconds (SLIDING), else 0
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record WindowSpec(Type type, long sizeMs, long slideMs) implements Serializable {

    /** Window kinds. */
    public enum Type {
        NONE,
        FIXED,
        SLIDING
    }

    private static final WindowSpec NONE = new WindowSpec(Type.NONE, 0, 0);

    public WindowSpec {
        if (type == null) {
            throw new InvalidFieldException("window.type", "is required (NONE, FIXED or SLIDING)");
        }
        switch (type) {
            case NONE -> {
                if (sizeMs != 0 || slideMs != 0) {
                    throw new InvalidFieldException(
                            "window", "a NONE window takes neither sizeMs nor slideMs");
                }
            }
            case FIXED -> {
                checkPositive("window.sizeMs", sizeMs);
                if (slideMs != 0) {
                    throw new InvalidFieldException(
                            "window.slideMs", "a FIXED window has no slide; use SLIDING");
                }
            }
            case SLIDING -> {
                checkPositive("window.sizeMs", sizeMs);
                checkPositive("window.slideMs", slideMs);
                if (slideMs > sizeMs) {
                    throw new InvalidFieldException(
                            "window.slideMs",
                            slideMs
                                    + " exceeds sizeMs "
                                    + sizeMs
                                    + "; the slide must not be longer"
                                    + " than the window");
                }
            }
        }
    }

    /** No windowing. */
    public static WindowSpec none() {
        return NONE;
    }

    /** Fixed (tumbling) windows of {@code size}. */
    public static WindowSpec fixed(Duration size) {
        return new WindowSpec(Type.FIXED, size.toMillis(), 0);
    }

    /** Windows of {@code size} starting every {@code slide}. */
    public static WindowSpec sliding(Duration size, Duration slide) {
        return new WindowSpec(Type.SLIDING, size.toMillis(), slide.toMillis());
    }

    private static void checkPositive(String field, long value) {
        if (value <= 0) {
            throw new InvalidFieldException(field, "must be > 0 but was " + value);
        }
    }
}

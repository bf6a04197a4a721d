package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.jobs.cli.DurationConverter;
import dev.flinkedge.registry.model.InvalidFieldException;
import dev.flinkedge.registry.model.WindowSpec;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.Locale;

/**
 * Reads and writes windows: {@code none}, {@code fixed:SIZE} or {@code sliding:SIZE/SLIDE}, with
 * durations as {@link DurationConverter} reads them (e.g. {@code fixed:10s}, {@code
 * sliding:10s/2s}).
 */
public final class WindowConverter implements ITypeConverter<WindowSpec> {

    private static final String FORMS =
            "expected none, fixed:SIZE or sliding:SIZE/SLIDE, e.g."
                    + " fixed:10s or sliding:10s/2s";

    @Override
    public WindowSpec convert(String value) {
        return parse(value);
    }

    /**
     * Parses {@code text}.
     *
     * @param text a window like {@code sliding:10s/2s}
     * @return the window
     * @throws TypeConversionException naming the accepted forms when {@code text} is not one
     */
    public static WindowSpec parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return WindowSpec.none();
        }
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon);
        String sizes = colon < 0 ? "" : t.substring(colon + 1);
        try {
            switch (kind) {
                case "fixed" -> {
                    return WindowSpec.fixed(duration(text, sizes));
                }
                case "sliding" -> {
                    int slash = sizes.indexOf('/');
                    if (slash < 0) {
                        throw new TypeConversionException(
                                "'"
                                        + text
                                        + "' has no slide; write"
                                        + " sliding:SIZE/SLIDE, e.g. sliding:10s/2s");
                    }
                    return WindowSpec.sliding(
                            duration(text, sizes.substring(0, slash)),
                            duration(text, sizes.substring(slash + 1)));
                }
                default ->
                        throw new TypeConversionException(
                                "'" + text + "' is not a window; " + FORMS);
            }
        } catch (InvalidFieldException e) {
            throw new TypeConversionException(
                    "'" + text + "' is not a valid window: " + e.getMessage());
        }
    }

    /**
     * Writes {@code window} in the form {@link #parse} reads.
     *
     * @param window the window
     * @return e.g. {@code none}, {@code fixed:10s} or {@code sliding:10s/2s}
     */
    public static String format(WindowSpec window) {
        return switch (window.type()) {
            case NONE -> "none";
            case FIXED -> "fixed:" + DurationConverter.format(window.sizeMs());
            case SLIDING ->
                    "sliding:"
                            + DurationConverter.format(window.sizeMs())
                            + "/"
                            + DurationConverter.format(window.slideMs());
        };
    }

    private static Duration duration(String window, String text) {
        if (text.isEmpty()) {
            throw new TypeConversionException("'" + window + "' has no size; " + FORMS);
        }
        return DurationConverter.parse(text);
    }
}

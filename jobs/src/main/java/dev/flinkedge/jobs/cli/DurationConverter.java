package dev.flinkedge.jobs.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations as a whole number and a unit: {@code 500ms}, {@code 10s}, {@code 2m},
 * {@code 1h}.
 *
 * <pre>{@code
 * @Option(names = "--every", converter = DurationConverter.class) Duration every;
 * }</pre>
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * Parses {@code text}.
     *
     * @param text a duration like {@code 10s}
     * @return the duration
     * @throws TypeConversionException naming the accepted forms when {@code text} is not one
     */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException(
                    "'"
                            + text
                            + "' is not a duration; write a whole"
                            + " number and a unit (ms, s, m or h), e.g. 500ms, 10s or 2m");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /**
     * Writes {@code millis} in the largest unit that represents it exactly, e.g. {@code 120000} as
     * {@code 2m} and {@code 1500} as {@code 1500ms}.
     *
     * @param millis a non-negative number of milliseconds
     * @return the text {@link #parse} reads back to the same duration
     */
    public static String format(long millis) {
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis != 0 && millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}

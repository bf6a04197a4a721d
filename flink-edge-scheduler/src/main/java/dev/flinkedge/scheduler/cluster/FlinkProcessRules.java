package dev.flinkedge.scheduler.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every Flink process of the local cluster gets: the JVM's module openings and the classpath
 * entries it must not have. Both come from resource files next to this class, which {@code
 * bin/flink-edge} and {@code bin/flink} read from the source tree, so that scripts and Java share
 * one list before anything is built.
 */
final class FlinkProcessRules {

    /** The module openings of every Flink JVM, from {@code flink-jvm-options.txt}. */
    static final List<String> MODULE_OPENINGS = lines("flink-jvm-options.txt");

    private static final List<Pattern> EXCLUDED_ENTRIES =
            lines("flink-classpath-exclusions.txt").stream().map(FlinkProcessRules::glob).toList();

    private FlinkProcessRules() {}

    /**
     * Whether a Flink process must not get {@code entry}, by the patterns of {@code
     * flink-classpath-exclusions.txt}.
     */
    static boolean isExcludedFromFlink(String entry) {
        String normalised = entry.replace('\\', '/');
        return EXCLUDED_ENTRIES.stream().anyMatch(p -> p.matcher(normalised).matches());
    }

    /** A shell pattern as the bin scripts' {@code case} reads it: '*' is any run of characters. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString());
    }

    /** The non-blank lines of a resource next to this class that are not '#' comments. */
    private static List<String> lines(String resource) {
        try (InputStream in = FlinkProcessRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Resource "
                                + resource
                                + " is missing next to "
                                + FlinkProcessRules.class.getName()
                                + "; rebuild flink-edge-scheduler");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + resource, e);
        }
    }
}

package dev.flinkedge.jobs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The table of metrics in docs/operations.md names exactly the Flink metrics that the main code of
 * the modules registers ({@code counter}, {@code gauge}, {@code histogram}, {@code meter} on a
 * metric group, named by a string literal or a constant of the same file), each with its kind.
 */
class MetricsDocsTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DOC = ROOT.resolve(Path.of("docs", "operations.md"));

    /** A registration; its name is a string literal (group 3) or a constant (group 4). */
    private static final Pattern REGISTRATION =
            Pattern.compile(
                    "\\.(counter|gauge|histogram|meter)\\(\\s*(\"([^\"]+)\"|([A-Z][A-Z0-9_]*)\\s*[,)])?");

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\| (\\w+) \\|");

    @Test
    void operationsDocListsEveryRegisteredMetricWithItsKind() throws IOException {
        Map<String, String> registered = new TreeMap<>();
        List<String> unnamed = new ArrayList<>();
        for (Path source : mainSources()) {
            String code = Files.readString(source);
            Matcher m = REGISTRATION.matcher(code);
            while (m.find()) {
                String name = m.group(3) != null ? m.group(3) : constant(code, m.group(4));
                if (name == null) {
                    unnamed.add(ROOT.relativize(source) + ": ." + m.group(1) + "(");
                } else {
                    registered.put(name, m.group(1));
                }
            }
        }

        assertThat(unnamed)
                .as(
                        "metrics must be named by a string literal or a string constant of the same"
                                + " file so that this test can check docs/operations.md")
                .isEmpty();
        assertThat(registered).containsKey("edgeOperatorInvocations");
        assertThat(documented())
                .as("the table under '### Registered by flink-edge' in %s", DOC)
                .isEqualTo(registered);
    }

    /** The value of the string constant {@code name} declared in {@code code}, or null. */
    private static String constant(String code, String name) {
        if (name == null) {
            return null;
        }
        Matcher m =
                Pattern.compile("static final String " + name + "\\s*=\\s*\"([^\"]+)\"")
                        .matcher(code);
        return m.find() ? m.group(1) : null;
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path main :
                    modules.map(m -> m.resolve(Path.of("src", "main", "java")))
                            .filter(Files::isDirectory)
                            .toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
                }
            }
        }
        return out;
    }

    private static Map<String, String> documented() throws IOException {
        String doc = Files.readString(DOC);
        int from = doc.indexOf("### Registered by flink-edge");
        assertThat(from).as("%s has a section '### Registered by flink-edge'", DOC).isNotNegative();
        int to = doc.indexOf("\n#", from + 1);
        Matcher m = ROW.matcher(to < 0 ? doc.substring(from) : doc.substring(from, to));
        Map<String, String> rows = new TreeMap<>();
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        return rows;
    }
}

package dev.flinkedge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.util.TimeUtils;
import org.junit.jupiter.api.Test;

/** The options table in docs/jobs.md is the one generated from TrafficJobOptions. */
class TrafficJobOptionsDocsTest {

    @Test
    void docListsEveryOptionWithItsDefaultAndDescription() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "jobs.md"));

        assertThat(doc)
                .as("docs/jobs.md must contain this table; regenerate it")
                .contains(table());
    }

    static String table() {
        List<String> rows = new ArrayList<>();
        rows.add("| key | default | type | description |");
        rows.add("| --- | --- | --- | --- |");
        for (ConfigOption<?> o : TrafficJobOptions.all()) {
            rows.add("| `--" + o.key() + "` | " + defaultOf(o) + " | " + typeOf(o) + " | "
                    + JobArguments.describe(o) + " |");
        }
        return String.join("\n", rows) + "\n";
    }

    /** The option's value type from its field's declaration, e.g. {@code duration}. */
    private static String typeOf(ConfigOption<?> o) {
        for (Field f : TrafficJobOptions.class.getFields()) {
            try {
                if (f.get(null) == o) {
                    return f.getGenericType().getTypeName()
                            .replaceAll(".*<java\\.util\\.List<.*\\.(\\w+)>>", "list of $1")
                            .replaceAll(".*<.*\\.(\\w+)>", "$1")
                            .toLowerCase(Locale.ROOT);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("No field holds option " + o.key());
    }

    private static String defaultOf(ConfigOption<?> o) {
        if (!o.hasDefaultValue()) {
            return "(none)";
        }
        Object value = o.defaultValue();
        String text = value instanceof Duration d ? TimeUtils.formatWithHighestUnit(d)
                : value.toString();
        return text.isEmpty() ? "(empty)" : "`" + text + "`";
    }
}

package dev.flinkedge.connectors.source.camera;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.TextElement;
import org.apache.flink.util.TimeUtils;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The options table in docs/connectors.md is the one generated from CameraSourceOptions. */
class CameraSourceOptionsDocsTest {

    @Test
    void docListsEveryOptionWithItsDefaultAndDescription() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "connectors.md"));

        assertThat(doc)
                .as("docs/connectors.md must contain this table; regenerate it")
                .contains(table());
    }

    static String table() throws IllegalAccessException {
        List<String> rows = new ArrayList<>();
        rows.add("| key | default | type | description |");
        rows.add("| --- | --- | --- | --- |");
        for (Field f : CameraSourceOptions.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != ConfigOption.class) {
                continue;
            }
            ConfigOption<?> o = (ConfigOption<?>) f.get(null);
            String description = ((TextElement) o.description().getBlocks().get(0)).getFormat();
            rows.add(
                    "| `"
                            + o.key()
                            + "` | "
                            + defaultOf(o)
                            + " | "
                            + f.getGenericType()
                                    .getTypeName()
                                    .replaceAll(".*<.*\\.(\\w+)>", "$1")
                                    .toLowerCase()
                            + " | "
                            + description
                            + " |");
        }
        return String.join("\n", rows) + "\n";
    }

    private static String defaultOf(ConfigOption<?> o) {
        if (!o.hasDefaultValue()) {
            return "(none)";
        }
        Object value = o.defaultValue();
        return "`"
                + (value instanceof Duration d ? TimeUtils.formatWithHighestUnit(d) : value)
                + "`";
    }
}

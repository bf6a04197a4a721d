package dev.flinkedge.scheduler.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Flink {@code config.yaml} as flat {@code key: value} lines, in insertion order. Strings are
 * single-quoted, numbers and booleans written bare, lists in flow style.
 */
final class YamlConfig {

    private final Map<String, Object> entries = new LinkedHashMap<>();

    /** Sets {@code key} to a string, number, boolean or list of strings. */
    YamlConfig set(String key, Object value) {
        entries.put(key, value);
        return this;
    }

    /** Writes the file, replacing an existing one. */
    void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder("# Written by flink-edge cluster start.\n");
        entries.forEach(
                (key, value) -> text.append(key).append(": ").append(render(value)).append('\n'));
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    private static String render(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(YamlConfig::render)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }
}

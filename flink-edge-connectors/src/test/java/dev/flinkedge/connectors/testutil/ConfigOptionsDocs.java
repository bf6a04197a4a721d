package dev.flinkedge.connectors.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.description.Formatter;
import org.apache.flink.configuration.description.TextElement;
import org.apache.flink.util.TimeUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Markdown reference tables generated from Flink {@link ConfigOption}s, for documentation that
 * tests keep in sync with the code. Options are read by reflection: the public static {@code
 * ConfigOption} fields of a holder class, in declaration order.
 *
 * <pre>{@code
 * ConfigOptionsDocs.assertGeneratedSection(Path.of("..", "docs", "configuration.md"),
 *         "config-options", ConfigOptionsDocs.reference(ConfigOptionsDocs.discover(
 *                 getClass().getClassLoader(), "dev.flinkedge")));
 * }</pre>
 */
public final class ConfigOptionsDocs {

    /**
     * System property that makes {@link #assertGeneratedSection} rewrite the section instead of
     * failing: {@code mvn verify -Dflinkedge.docs.regenerate=true ...}.
     */
    public static final String REGENERATE_PROPERTY = "flinkedge.docs.regenerate";

    private ConfigOptionsDocs() {}

    /** The public static {@code ConfigOption} fields of {@code holder}, in declaration order. */
    public static List<Field> optionFields(Class<?> holder) {
        return Arrays.stream(holder.getDeclaredFields())
                .filter(
                        f ->
                                Modifier.isStatic(f.getModifiers())
                                        && Modifier.isPublic(f.getModifiers())
                                        && f.getType() == ConfigOption.class)
                .toList();
    }

    /**
     * The classes whose simple name ends in {@code Options} (the project's convention for option
     * holders) in packages under {@code packagePrefix}, that declare at least one option; sorted by
     * simple name, then package. Searches every directory and jar of {@code loader} that holds the
     * package.
     */
    public static List<Class<?>> discover(ClassLoader loader, String packagePrefix) {
        String dir = packagePrefix.replace('.', '/') + "/";
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(dir);
            while (roots.hasMoreElements()) {
                names.addAll(optionClassNames(roots.nextElement(), dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the classes under " + dir, e);
        }
        List<Class<?>> holders = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> c = Class.forName(name, false, loader);
                if (!optionFields(c).isEmpty()) {
                    holders.add(c);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Listed but not loadable: " + name, e);
            }
        }
        holders.sort(Comparator.comparing(Class<?>::getSimpleName).thenComparing(Class::getName));
        return holders;
    }

    /**
     * The reference of several holders: per holder a heading with its simple name, its full name,
     * and its {@link #table}.
     */
    public static String reference(Collection<Class<?>> holders) {
        StringBuilder out = new StringBuilder();
        for (Class<?> holder : holders) {
            out.append("### ")
                    .append(holder.getSimpleName())
                    .append("\n\n`")
                    .append(holder.getName())
                    .append("`\n\n")
                    .append(table(holder))
                    .append('\n');
        }
        return out.toString();
    }

    /** A {@code key | default | type | description} table of the options of {@code holder}. */
    public static String table(Class<?> holder) {
        List<String> rows = new ArrayList<>();
        rows.add("| key | default | type | description |");
        rows.add("| --- | --- | --- | --- |");
        for (Field f : optionFields(holder)) {
            ConfigOption<?> o;
            try {
                o = (ConfigOption<?>) f.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + holder.getName() + "." + f, e);
            }
            Type valueType = ((ParameterizedType) f.getGenericType()).getActualTypeArguments()[0];
            rows.add(
                    "| `"
                            + o.key()
                            + "` | "
                            + defaultOf(o)
                            + " | "
                            + typeName(valueType)
                            + " | "
                            + cell(description(o, valueType))
                            + " |");
        }
        return String.join("\n", rows) + "\n";
    }

    /**
     * Asserts that {@code doc} holds {@code content} between the lines {@code <!-- BEGIN GENERATED
     * name -->} and {@code <!-- END GENERATED name -->}; with the system property {@link
     * #REGENERATE_PROPERTY} set to true it writes {@code content} there instead.
     */
    public static void assertGeneratedSection(Path doc, String name, String content)
            throws IOException {
        assertGeneratedSection(doc, name, content, Boolean.getBoolean(REGENERATE_PROPERTY));
    }

    static void assertGeneratedSection(Path doc, String name, String content, boolean regenerate)
            throws IOException {
        String begin = "<!-- BEGIN GENERATED " + name + " -->\n";
        String end = "<!-- END GENERATED " + name + " -->";
        String text = Files.readString(doc);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertThat(from >= 0 && to > from)
                .as(
                        "%s must contain the lines '%s' and '%s' around the generated section",
                        doc, begin.trim(), end)
                .isTrue();
        String current = text.substring(from + begin.length(), to);
        if (regenerate) {
            Files.writeString(
                    doc, text.substring(0, from + begin.length()) + content + text.substring(to));
            return;
        }
        assertThat(current)
                .as(
                        "the generated section '%s' of %s is stale; regenerate it with"
                                + " -D%s=true",
                        name, doc, REGENERATE_PROPERTY)
                .isEqualTo(content);
    }

    private static List<String> optionClassNames(URL root, String dir) throws IOException {
        if ("file".equals(root.getProtocol())) {
            Path base;
            try {
                base = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IOException("Bad class directory " + root, e);
            }
            try (Stream<Path> files = Files.walk(base)) {
                return files.map(p -> dir + base.relativize(p).toString().replace('\\', '/'))
                        .filter(ConfigOptionsDocs::isOptionsClass)
                        .map(ConfigOptionsDocs::className)
                        .toList();
            }
        }
        if ("jar".equals(root.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            // A private JarFile: closing a cached one would break the class loader reading it.
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                return jar.stream()
                        .map(JarEntry::getName)
                        .filter(n -> n.startsWith(dir) && isOptionsClass(n))
                        .map(ConfigOptionsDocs::className)
                        .toList();
            }
        }
        throw new IOException("Cannot list classes at " + root + ": neither a directory nor a jar");
    }

    private static boolean isOptionsClass(String path) {
        return path.endsWith("Options.class") && !path.contains("$");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static String defaultOf(ConfigOption<?> o) {
        if (!o.hasDefaultValue()) {
            return "(none)";
        }
        Object value = o.defaultValue();
        String text;
        if (value instanceof Duration d) {
            text = TimeUtils.formatWithHighestUnit(d);
        } else if (value instanceof Collection<?> c) {
            text = c.stream().map(String::valueOf).collect(Collectors.joining(";"));
        } else if (value instanceof Map<?, ?> m) {
            text =
                    m.entrySet().stream()
                            .map(e -> e.getKey() + ":" + e.getValue())
                            .collect(Collectors.joining(","));
        } else {
            text = String.valueOf(value);
        }
        return text.isEmpty() ? "`\"\"`" : "`" + cell(text) + "`";
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType p) {
            String raw = typeName(p.getRawType());
            return List.class.equals(p.getRawType())
                    ? raw + "<" + typeName(p.getActualTypeArguments()[0]) + ">"
                    : raw;
        }
        Class<?> c = (Class<?>) type;
        return c.isEnum() ? "enum" : c.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String description(ConfigOption<?> o, Type valueType) {
        StringBuilder text = new StringBuilder(new MarkdownFormatter().format(o.description()));
        Class<?> enumType = valueType instanceof Class<?> c && c.isEnum() ? c : null;
        if (enumType != null) {
            text.append(" One of ")
                    .append(
                            Arrays.stream(enumType.getEnumConstants())
                                    .map(v -> "`" + v + "`")
                                    .collect(Collectors.joining(", ")))
                    .append('.');
        }
        List<String> fallbacks = new ArrayList<>();
        for (FallbackKey k : o.fallbackKeys()) {
            fallbacks.add("`" + k.getKey() + "`" + (k.isDeprecated() ? " (deprecated)" : ""));
        }
        if (!fallbacks.isEmpty()) {
            text.append(" Also read from ").append(String.join(", ", fallbacks)).append('.');
        }
        return text.toString();
    }

    /** Makes text safe inside one Markdown table cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Renders Flink's rich option descriptions as Markdown (HTML where Markdown has none). */
    private static final class MarkdownFormatter extends Formatter {

        @Override
        protected void formatLink(StringBuilder state, String link, String description) {
            state.append('[').append(description).append("](").append(link).append(')');
        }

        @Override
        protected void formatLineBreak(StringBuilder state) {
            state.append("<br>");
        }

        @Override
        protected void formatText(
                StringBuilder state,
                String format,
                String[] elements,
                EnumSet<TextElement.TextStyle> styles) {
            String text = String.format(format, (Object[]) elements);
            state.append(styles.contains(TextElement.TextStyle.CODE) ? "`" + text + "`" : text);
        }

        @Override
        protected void formatList(StringBuilder state, String[] entries) {
            state.append("<ul>");
            for (String entry : entries) {
                state.append("<li>").append(entry).append("</li>");
            }
            state.append("</ul>");
        }

        @Override
        protected Formatter newInstance() {
            return new MarkdownFormatter();
        }
    }
}

package dev.flinkedge.connectors.testutil;

import static org.apache.flink.configuration.ConfigOptions.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.source.camera.CameraSourceOptions;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.Description;
import org.apache.flink.configuration.description.LinkElement;
import org.apache.flink.configuration.description.TextElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The generator of option tables: formatting, discovery and the generated-section check. */
class ConfigOptionsDocsTest {

    /** Options of every kind the generator formats. */
    static final class SampleOptions {
        /** The kinds of a sample. */
        enum Mode {
            FAST,
            SAFE
        }

        public static final ConfigOption<Integer> COUNT =
                key("sample.count").intType().defaultValue(3).withDescription("How many.");

        public static final ConfigOption<Duration> TIMEOUT =
                key("sample.timeout")
                        .durationType()
                        .defaultValue(Duration.ofMillis(1500))
                        .withDescription("Bound on 100% of the waiting | rounded.");

        public static final ConfigOption<String> NAME =
                key("sample.name")
                        .stringType()
                        .noDefaultValue()
                        .withDeprecatedKeys("sample.old-name")
                        .withDescription(
                                Description.builder()
                                        .text(
                                                "See %s or set %s.",
                                                LinkElement.link("https://x.dev", "x"),
                                                TextElement.code("name"))
                                        .build());

        public static final ConfigOption<String> PREFIX =
                key("sample.prefix").stringType().defaultValue("").withDescription("Prefix.");

        public static final ConfigOption<Mode> MODE =
                key("sample.mode")
                        .enumType(Mode.class)
                        .defaultValue(Mode.SAFE)
                        .withDescription("Trade-off.");

        public static final ConfigOption<List<String>> TAGS =
                key("sample.tags")
                        .stringType()
                        .asList()
                        .defaultValues("a", "b")
                        .withDescription("Tags.");

        static final ConfigOption<Integer> HIDDEN =
                key("sample.hidden").intType().defaultValue(0).withDescription("Not public.");

        public final ConfigOption<Integer> instance =
                key("sample.instance").intType().defaultValue(0).withDescription("Not static.");

        private SampleOptions() {}
    }

    @Test
    void tableListsPublicStaticOptionsInDeclarationOrderWithDefaultsTypesAndDescriptions() {
        assertThat(ConfigOptionsDocs.table(SampleOptions.class))
                .isEqualTo(
                        String.join(
                                "\n",
                                "| key | default | type | description |",
                                "| --- | --- | --- | --- |",
                                "| `sample.count` | `3` | integer | How many. |",
                                "| `sample.timeout` | `1500 ms` | duration | Bound on 100% of the waiting \\|"
                                        + " rounded. |",
                                "| `sample.name` | (none) | string | See [x](https://x.dev) or set `name`. Also"
                                        + " read from `sample.old-name` (deprecated). |",
                                "| `sample.prefix` | `\"\"` | string | Prefix. |",
                                "| `sample.mode` | `SAFE` | enum | Trade-off. One of `FAST`, `SAFE`. |",
                                "| `sample.tags` | `a;b` | list<string> | Tags. |",
                                ""));
    }

    @Test
    void discoversTheOptionsClassesOfAPackageButNotOtherClassesOrNestedOnes() {
        List<Class<?>> found =
                ConfigOptionsDocs.discover(getClass().getClassLoader(), "dev.flinkedge.connectors");

        assertThat(found)
                .contains(CameraSourceOptions.class)
                .doesNotContain(SampleOptions.class)
                .allMatch(c -> c.getSimpleName().endsWith("Options"));
    }

    @Test
    void referenceHeadsEachTableWithTheClass() {
        assertThat(ConfigOptionsDocs.reference(List.of(CameraSourceOptions.class)))
                .startsWith(
                        "### CameraSourceOptions\n\n"
                                + "`dev.flinkedge.connectors.source.camera.CameraSourceOptions`\n\n"
                                + "| key | default | type | description |\n")
                .endsWith(" |\n\n");
    }

    @Test
    void generatedSectionIsComparedAndRewrittenOnRequest(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("doc.md");
        Files.writeString(
                doc,
                "intro\n<!-- BEGIN GENERATED t -->\nold\n<!-- END GENERATED t -->\n" + "outro\n");

        ConfigOptionsDocs.assertGeneratedSection(doc, "t", "old\n", false);
        assertThatThrownBy(() -> ConfigOptionsDocs.assertGeneratedSection(doc, "t", "new\n", false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("stale")
                .hasMessageContaining(ConfigOptionsDocs.REGENERATE_PROPERTY);
        ConfigOptionsDocs.assertGeneratedSection(doc, "t", "new\n", true);
        assertThat(Files.readString(doc))
                .isEqualTo(
                        "intro\n<!-- BEGIN GENERATED t -->\nnew\n<!-- END GENERATED t -->\noutro\n");
        assertThatThrownBy(() -> ConfigOptionsDocs.assertGeneratedSection(doc, "u", "x\n", false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BEGIN GENERATED u");
    }
}

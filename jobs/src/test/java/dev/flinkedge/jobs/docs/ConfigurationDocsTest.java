package dev.flinkedge.jobs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.source.camera.CameraSourceOptions;
import dev.flinkedge.connectors.testutil.ConfigOptionsDocs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/**
 * The configuration reference in docs/configuration.md is generated from the {@code ConfigOption}s
 * of every {@code *Options} class of every module. The jobs module is the one whose test classpath
 * holds them all (the registry and connectors at compile scope, the scheduler as provided), so a
 * new options class anywhere is found without listing it here.
 */
class ConfigurationDocsTest {

    static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void referenceListsTheOptionsOfEveryOptionsClass() throws Exception {
        List<Class<?>> holders =
                ConfigOptionsDocs.discover(getClass().getClassLoader(), "dev.flinkedge");

        assertThat(holders).contains(CameraSourceOptions.class);
        ConfigOptionsDocs.assertGeneratedSection(
                DOC, "config-options", ConfigOptionsDocs.reference(holders));
    }
}

package dev.flinkedge.connectors.source.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.metrics.MetricsOptions;
import dev.flinkedge.connectors.testutil.ConfigOptionsDocs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The options tables in docs/connectors.md are the ones generated from CameraSourceOptions and
 * MetricsOptions.
 */
class CameraSourceOptionsDocsTest {

    @Test
    void docListsEveryOptionWithItsDefaultAndDescription() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "connectors.md"));

        assertThat(doc)
                .as("docs/connectors.md must contain this table; regenerate it")
                .contains(ConfigOptionsDocs.table(CameraSourceOptions.class))
                .contains(ConfigOptionsDocs.table(MetricsOptions.class));
    }
}

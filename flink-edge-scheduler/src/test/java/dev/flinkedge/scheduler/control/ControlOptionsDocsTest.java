package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.metrics.MetricsOptions;
import dev.flinkedge.connectors.testutil.ConfigOptionsDocs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/** The options tables in docs/scheduler.md are the ones generated from the options classes. */
class ControlOptionsDocsTest {

    @Test
    void docListsEveryOptionWithItsDefaultAndDescription() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "scheduler.md"));

        assertThat(doc)
                .as("docs/scheduler.md must contain this table; regenerate it")
                .contains(ConfigOptionsDocs.table(ControlOptions.class))
                .contains(ConfigOptionsDocs.table(MetricsOptions.class));
    }
}

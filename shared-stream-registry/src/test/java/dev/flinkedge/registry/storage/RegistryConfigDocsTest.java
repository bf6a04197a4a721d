package dev.flinkedge.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/** The configuration reference in docs/operations.md is the one generated from the ConfigDef. */
class RegistryConfigDocsTest {

    @Test
    void operationsDocListsEveryRegistryOption() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "operations.md"));
        assertThat(doc)
                .as("docs/operations.md must contain RegistryConfig.toMarkdown(); regenerate it")
                .contains(RegistryConfig.toMarkdown());
    }
}

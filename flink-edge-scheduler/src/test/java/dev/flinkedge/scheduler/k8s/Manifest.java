package dev.flinkedge.scheduler.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * One YAML document of a manifest file under {@code k8s/}.
 *
 * @param file the file it was read from
 * @param index its position among the file's documents, from 0
 * @param document the parsed document
 */
record Manifest(Path file, int index, JsonNode document) {

    /** The document's {@code kind}, or an empty string when it has none. */
    String kind() {
        return document.path("kind").asText("");
    }

    /** The document's {@code metadata.name}, or an empty string when it has none. */
    String name() {
        return document.path("metadata").path("name").asText("");
    }

    /**
     * Names the document in messages, e.g. {@code registry.yaml#1 (Deployment
     * flink-edge-registry)}.
     */
    String where() {
        return file.getFileName() + "#" + index + " (" + kind() + " " + name() + ")";
    }
}

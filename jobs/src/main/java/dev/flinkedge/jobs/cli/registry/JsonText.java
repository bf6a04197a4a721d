package dev.flinkedge.jobs.cli.registry;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.flinkedge.registry.json.RegistryJson;

/** Pretty-printed JSON in the registry's REST encoding, for {@code --json} output. */
final class JsonText {

    private JsonText() {}

    /** {@code value} as indented JSON, exactly as the REST API encodes it. */
    static String pretty(Object value) throws JsonProcessingException {
        return RegistryJson.STRICT.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}

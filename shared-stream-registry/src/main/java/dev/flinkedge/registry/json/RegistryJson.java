package dev.flinkedge.registry.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mappers of the registry, for its server, its client and other readers of its records.
 * REST payloads are read strictly (unknown fields and trailing tokens are errors) so that typos
 * surface as 400s instead of being silently ignored; topic records tolerate unknown fields so that
 * a newer writer does not break an older reader.
 */
public final class RegistryJson {

    /** Mapper for REST requests and responses. */
    public static final ObjectMapper STRICT =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    /** Mapper for topic records: forward compatible. */
    public static final ObjectMapper LENIENT =
            JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private RegistryJson() {}
}

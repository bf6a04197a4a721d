package dev.flinkedge.connectors.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flinkedge.registry.json.RegistryJson;

import org.apache.flink.annotation.Internal;

import java.io.IOException;

/**
 * JSON form of {@link CameraMetricsWindow} on the metrics topic. Unknown fields are ignored so that
 * newer pipelines do not break an older control loop.
 */
@Internal
public final class MetricsJson {

    /** Forward compatible, as every topic record's mapper: unknown fields are skipped. */
    private static final ObjectMapper MAPPER = RegistryJson.LENIENT;

    private MetricsJson() {}

    /** The JSON bytes of {@code window}. */
    public static byte[] encode(CameraMetricsWindow window) {
        try {
            return MAPPER.writeValueAsBytes(window);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + window, e);
        }
    }

    /**
     * Reads a window.
     *
     * @throws IOException if the bytes are not a valid window; the message says which field
     */
    public static CameraMetricsWindow decode(byte[] json) throws IOException {
        return MAPPER.readValue(json, CameraMetricsWindow.class);
    }
}

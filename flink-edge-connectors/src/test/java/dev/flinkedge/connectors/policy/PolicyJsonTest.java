package dev.flinkedge.connectors.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The JSON form of policies on the topic. */
class PolicyJsonTest {

    @Test
    void roundTripsWithAndWithoutOffload() throws IOException {
        CameraPolicy plain = CameraPolicy.of("cam-1", 2, 640, 360).withVersion(3);
        CameraPolicy offloading = plain.withOffload(new CameraPolicy.Offload("cloud", 0.25));

        assertThat(PolicyJson.decode(PolicyJson.encode(plain))).isEqualTo(plain);
        assertThat(PolicyJson.decode(PolicyJson.encode(offloading))).isEqualTo(offloading);
    }

    @Test
    void readsTheDocumentedShapeIgnoringUnknownFieldsAndMissingOffload() throws IOException {
        String json =
                "{\"cameraId\":\"cam-7\",\"fps\":5,\"width\":320,\"height\":180,"
                        + "\"version\":9,\"addedLater\":true}";

        assertThat(PolicyJson.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(CameraPolicy.of("cam-7", 5, 320, 180).withVersion(9));
    }

    @Test
    void invalidValuesFailWithTheReason() {
        byte[] json =
                "{\"cameraId\":\"cam-7\",\"fps\":-1,\"width\":320,\"height\":180}"
                        .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PolicyJson.decode(json))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("fps -1.0");
    }
}

package dev.flinkedge.connectors.source.camera.enumerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.source.camera.split.CameraSplit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;

/** Round trips of {@link CameraEnumStateSerializer}, one per version. */
class CameraEnumStateSerializerTest {

    private static final GeoPoint HERE = new GeoPoint(1, 2);

    @Test
    void version0RoundTrips() throws IOException {
        CameraEnumStateSerializer serializer = new CameraEnumStateSerializer();
        CameraEnumState state =
                new CameraEnumState(
                        Set.of("cam-a", "cam-b"),
                        Set.of(
                                new CameraSplit(
                                        new CameraDevice(
                                                "cam-c",
                                                HERE,
                                                CameraSpec.synthetic(1, 5, 320, 240)),
                                        9,
                                        40),
                                CameraSplit.fresh(
                                        new CameraDevice(
                                                "cam-d",
                                                HERE,
                                                CameraSpec.imageDir("/x", 1, true)))),
                        true);

        for (CameraEnumState s : new CameraEnumState[] {state, CameraEnumState.initial()}) {
            byte[] bytes = serializer.serialize(s);
            assertThat(serializer.deserialize(CameraEnumStateSerializer.VERSION_0, bytes))
                    .isEqualTo(s);
        }
    }

    @Test
    void rejectsUnknownVersions() throws IOException {
        CameraEnumStateSerializer serializer = new CameraEnumStateSerializer();
        byte[] bytes = serializer.serialize(CameraEnumState.initial());

        assertThatThrownBy(() -> serializer.deserialize(1, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 1");
    }
}

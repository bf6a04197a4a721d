package dev.flinkedge.connectors.source.camera.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSpec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Round trips of {@link CameraSplitSerializer}, one per version, and bad input. */
class CameraSplitSerializerTest {

    static final GeoPoint HERE = new GeoPoint(51.5, -0.12);

    static List<CameraSplit> splitsOfEveryKind() {
        return List.of(
                new CameraSplit(
                        new CameraDevice("syn-1", HERE, CameraSpec.synthetic(42, 10, 1280, 720)),
                        17,
                        85),
                new CameraSplit(
                        new CameraDevice(
                                "file-1",
                                HERE,
                                CameraSpec.videoFile("/data/a b.mp4", true).withFps(12.5)),
                        0,
                        0),
                new CameraSplit(
                        new CameraDevice(
                                "rtsp-1",
                                new GeoPoint(-33.9, 151.2),
                                CameraSpec.rtsp("rtsp://10.0.0.7:554/stream1").withSize(640, 360)),
                        1L << 40,
                        0),
                new CameraSplit(
                        new CameraDevice(
                                "dir-1", HERE, CameraSpec.imageDir("/data/frames", 2, false)),
                        3,
                        3));
    }

    @Test
    void version0RoundTripsEveryKind() throws IOException {
        CameraSplitSerializer serializer = new CameraSplitSerializer();
        assertThat(serializer.getVersion()).isEqualTo(CameraSplitSerializer.VERSION_0);
        for (CameraSplit split : splitsOfEveryKind()) {
            byte[] bytes = serializer.serialize(split);
            assertThat(serializer.deserialize(CameraSplitSerializer.VERSION_0, bytes))
                    .isEqualTo(split);
        }
    }

    @Test
    void rejectsUnknownVersionsAndTrailingBytes() throws IOException {
        CameraSplitSerializer serializer = new CameraSplitSerializer();
        byte[] bytes = serializer.serialize(splitsOfEveryKind().get(0));

        assertThatThrownBy(() -> serializer.deserialize(7, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 7");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);
        assertThatThrownBy(() -> serializer.deserialize(0, longer))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void splitIdIsTheCameraIdAndProgressIsValidated() {
        CameraSplit split = splitsOfEveryKind().get(0);
        assertThat(split.splitId()).isEqualTo("syn-1");
        assertThatThrownBy(() -> new CameraSplit(split.device(), -1, 0)).hasMessageContaining("-1");
    }

    @Test
    void stateAdvancesWithDeliveredFramesAndConvertsBack() {
        CameraSplitState state = new CameraSplitState(splitsOfEveryKind().get(0));
        state.delivered(17, 90);

        assertThat(state.toSplit().nextSequence()).isEqualTo(18);
        assertThat(state.toSplit().sourcePosition()).isEqualTo(90);
    }
}

package dev.flinkedge.connectors.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.model.StageTimes;
import dev.flinkedge.connectors.testutil.Samples;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Byte round trips of every flink-edge type through {@link EdgeCodec}. */
class EdgeCodecTest {

    @Test
    void framesRoundTrip() {
        EdgeCodec<Frame> codec = EdgeCodec.frames();
        for (Frame f : List.of(Samples.frame(0), Samples.frame(1), Samples.rawFrame())) {
            assertThat(codec.decode(codec.encode(f))).isEqualTo(f);
        }
    }

    @Test
    void edgeRecordsRoundTripWithAnyPayload() {
        EdgeCodec<EdgeRecord<Object>> codec = EdgeCodec.edgeRecords();
        List<EdgeRecord<Object>> records =
                List.of(
                        Samples.record("text"),
                        Samples.record(new Samples.Vehicle("AB12 CDE", "red", 0.5, List.of(1, 2))),
                        Samples.record(new Samples.Count("area", 3, List.of("car"))),
                        Samples.record(Samples.frame(2)));
        for (EdgeRecord<Object> r : records) {
            assertThat(codec.decode(codec.encode(r))).isEqualTo(r);
        }
    }

    @Test
    void valueTypesRoundTrip() {
        assertRoundTrip(StageTimes.class, Samples.stages());
        assertRoundTrip(GeoPoint.class, Samples.LONDON);
        assertRoundTrip(GroundTruth.class, Samples.truth());
        assertRoundTrip(GroundTruth.TruthObject.class, Samples.truth().objects().get(1));
        assertRoundTrip(CameraPolicy.class, Samples.policy());
        assertRoundTrip(CameraPolicy.class, CameraPolicy.of("cam-9", 0.5, 320, 180));
    }

    @Test
    void bytesStartWithTheFormatVersion() {
        assertThat(EdgeCodec.frames().encode(Samples.frame(1))[0])
                .isEqualTo((byte) EdgeKryo.FORMAT_VERSION);
    }

    @Test
    void rejectsOtherFormatsAndGarbageWithAClearMessage() {
        EdgeCodec<Frame> codec = EdgeCodec.frames();
        byte[] bytes = codec.encode(Samples.frame(1));
        bytes[0] = (byte) (EdgeKryo.FORMAT_VERSION + 1);

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format " + (EdgeKryo.FORMAT_VERSION + 1));
        assertThatThrownBy(() -> codec.decode(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> codec.decode(new byte[] {EdgeKryo.FORMAT_VERSION, 9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot decode Frame");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        EdgeCodec<Frame> codec = EdgeCodec.frames();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < 200; i++) {
                                        Frame f = Samples.frame(i);
                                        if (!codec.decode(codec.encode(f)).equals(f)) {
                                            return false;
                                        }
                                    }
                                    return true;
                                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> void assertRoundTrip(Class<T> type, T value) {
        EdgeCodec<T> codec = EdgeCodec.of(type);
        assertThat(codec.decode(codec.encode(value))).isEqualTo(value);
    }
}

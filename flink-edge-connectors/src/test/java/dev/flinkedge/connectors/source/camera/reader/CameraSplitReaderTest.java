package dev.flinkedge.connectors.source.camera.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.policy.InMemoryPolicyProvider;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.source.camera.split.CameraSplit;

import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.core.testutils.CommonTestUtils;
import org.apache.flink.util.FlinkRuntimeException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Fetching from several cameras, ending bounded ones, and waking up a waiting fetch. */
class CameraSplitReaderTest {

    private final Map<String, CameraPolicy> natives = new ConcurrentHashMap<>();
    private final InMemoryPolicyProvider policies = new InMemoryPolicyProvider(natives::get);

    private CameraSplitReader reader(long maxFrames) {
        CameraReaderSettings settings =
                new CameraReaderSettings(
                        maxFrames, 0.8f, Duration.ofSeconds(5), Duration.ofSeconds(1));
        return new CameraSplitReader(
                new CameraStreams(settings, policies, natives, CameraClock.SYSTEM),
                CameraClock.SYSTEM);
    }

    private static CameraSplit camera(String id, double fps, long next, long position) {
        return new CameraSplit(
                new CameraDevice(
                        id, new GeoPoint(0, 0), CameraSpec.synthetic(id.hashCode(), fps, 160, 90)),
                next,
                position);
    }

    @Test
    void fetchesFromAllCamerasAndEndsBoundedOnes() throws Exception {
        try (CameraSplitReader reader = reader(3)) {
            reader.handleSplitsChanges(
                    new SplitsAddition<>(List.of(camera("a", 50, 0, 0), camera("b", 50, 1, 10))));
            assertThat(natives).containsKeys("a", "b");

            List<String> delivered = new ArrayList<>();
            List<String> finished = new ArrayList<>();
            while (finished.size() < 2) {
                RecordsWithSplitIds<CameraRecord> batch = reader.fetch();
                String split;
                while ((split = batch.nextSplit()) != null) {
                    CameraRecord r;
                    while ((r = batch.nextRecordFromSplit()) != null) {
                        delivered.add(split + r.frame().sequence());
                    }
                }
                finished.addAll(batch.finishedSplits());
            }

            assertThat(delivered).containsExactlyInAnyOrder("a0", "a1", "a2", "b1", "b2");
            assertThat(finished).containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    void wakeUpEndsAFetchThatWaitsForASlowCamera() throws Exception {
        try (CameraSplitReader reader = reader(0)) {
            reader.handleSplitsChanges(new SplitsAddition<>(List.of(camera("slow", 0.1, 0, 0))));
            assertThat(reader.fetch().nextSplit()).isEqualTo("slow");

            AtomicReference<Thread> fetcher = new AtomicReference<>();
            CompletableFuture<RecordsWithSplitIds<CameraRecord>> waiting =
                    CompletableFuture.supplyAsync(
                            () -> {
                                fetcher.set(Thread.currentThread());
                                try {
                                    return reader.fetch();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
            CommonTestUtils.waitUtil(
                    () ->
                            fetcher.get() != null
                                    && fetcher.get().getState() == Thread.State.TIMED_WAITING,
                    Duration.ofSeconds(10),
                    "fetch never started waiting");
            long t0 = System.nanoTime();
            reader.wakeUp();
            RecordsWithSplitIds<CameraRecord> empty = waiting.get(5, TimeUnit.SECONDS);

            assertThat(empty.nextSplit()).isNull();
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(1));
        }
    }

    @Test
    void aCameraThatCannotOpenFailsWithItsNameAndReason() {
        CameraSplit missing =
                new CameraSplit(
                        new CameraDevice(
                                "cam-404",
                                new GeoPoint(0, 0),
                                CameraSpec.videoFile("target/no-such.mp4", false)),
                        0,
                        0);
        try (CameraSplitReader reader = reader(0)) {
            assertThatThrownBy(
                            () ->
                                    reader.handleSplitsChanges(
                                            new SplitsAddition<>(List.of(missing))))
                    .isInstanceOf(FlinkRuntimeException.class)
                    .hasMessageContaining("cam-404")
                    .hasMessageContaining("does not exist");
        }
    }
}

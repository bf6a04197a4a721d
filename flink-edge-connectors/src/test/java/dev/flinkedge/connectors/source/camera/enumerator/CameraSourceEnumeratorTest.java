package dev.flinkedge.connectors.source.camera.enumerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.source.camera.split.CameraSplit;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/** Deterministic assignment, give-back, bounded end and discovery of the camera enumerator. */
@SuppressWarnings("try") // MockSplitEnumeratorContext.close() declares InterruptedException
class CameraSourceEnumeratorTest {

    private static final int PARALLELISM = 3;

    private static List<CameraDevice> cameras(int n) {
        return IntStream.range(0, n)
                .mapToObj(
                        i ->
                                new CameraDevice(
                                        "cam-" + i,
                                        new GeoPoint(50, i * 0.01),
                                        CameraSpec.synthetic(i, 10, 640, 360)))
                .toList();
    }

    private static CameraSourceEnumerator enumerator(
            MockSplitEnumeratorContext<CameraSplit> ctx,
            CameraSelector selector,
            Boundedness boundedness,
            Duration discovery,
            CameraEnumState state) {
        return new CameraSourceEnumerator(ctx, selector, boundedness, discovery, state);
    }

    private static void registerAll(
            MockSplitEnumeratorContext<CameraSplit> ctx, CameraSourceEnumerator e) {
        for (int i = 0; i < PARALLELISM; i++) {
            ctx.registerReader(new ReaderInfo(i, "host-" + i));
            e.addReader(i);
        }
    }

    private static Map<Integer, List<String>> assigned(
            MockSplitEnumeratorContext<CameraSplit> ctx) {
        Map<Integer, List<String>> out = new HashMap<>();
        for (SplitsAssignment<CameraSplit> a : ctx.getSplitsAssignmentSequence()) {
            a.assignment()
                    .forEach(
                            (reader, splits) ->
                                    splits.forEach(
                                            s ->
                                                    out.computeIfAbsent(
                                                                    reader, k -> new ArrayList<>())
                                                            .add(s.splitId())));
        }
        return out;
    }

    @Test
    void assignsEveryCameraOnceToTheOwnerGivenByItsIdHash() throws Throwable {
        try (MockSplitEnumeratorContext<CameraSplit> ctx =
                new MockSplitEnumeratorContext<>(PARALLELISM)) {
            CameraSourceEnumerator e =
                    enumerator(
                            ctx,
                            CameraSelector.cameras(cameras(10)),
                            Boundedness.CONTINUOUS_UNBOUNDED,
                            Duration.ZERO,
                            CameraEnumState.initial());
            e.start();
            registerAll(ctx, e);
            assertThat(ctx.getSplitsAssignmentSequence()).isEmpty();

            ctx.runNextOneTimeCallable();

            Map<Integer, List<String>> assigned = assigned(ctx);
            assertThat(assigned.values().stream().mapToInt(List::size).sum()).isEqualTo(10);
            assigned.forEach(
                    (reader, ids) ->
                            ids.forEach(
                                    id ->
                                            assertThat(
                                                            CameraSourceEnumerator.owner(
                                                                    id, PARALLELISM))
                                                    .isEqualTo(reader)));
            assertThat(ctx.hasNoMoreSplits(0)).isFalse();
        }
    }

    @Test
    void readersRegisteringLaterGetTheirCamerasThen() throws Throwable {
        try (MockSplitEnumeratorContext<CameraSplit> ctx =
                new MockSplitEnumeratorContext<>(PARALLELISM)) {
            CameraSourceEnumerator e =
                    enumerator(
                            ctx,
                            CameraSelector.cameras(cameras(6)),
                            Boundedness.BOUNDED,
                            Duration.ZERO,
                            CameraEnumState.initial());
            e.start();
            ctx.runNextOneTimeCallable();
            assertThat(ctx.getSplitsAssignmentSequence()).isEmpty();

            registerAll(ctx, e);

            assertThat(assigned(ctx).values().stream().mapToInt(List::size).sum()).isEqualTo(6);
            for (int i = 0; i < PARALLELISM; i++) {
                assertThat(ctx.hasNoMoreSplits(i)).as("reader %s told no more splits", i).isTrue();
            }
        }
    }

    @Test
    void splitsGivenBackAreAssignedAgainWithTheirProgress() throws Throwable {
        try (MockSplitEnumeratorContext<CameraSplit> ctx =
                new MockSplitEnumeratorContext<>(PARALLELISM)) {
            CameraSourceEnumerator e =
                    enumerator(
                            ctx,
                            CameraSelector.cameras(cameras(6)),
                            Boundedness.CONTINUOUS_UNBOUNDED,
                            Duration.ZERO,
                            CameraEnumState.initial());
            e.start();
            registerAll(ctx, e);
            ctx.runNextOneTimeCallable();
            int reader = CameraSourceEnumerator.owner("cam-1", PARALLELISM);
            CameraSplit progressed = new CameraSplit(cameras(6).get(1), 41, 205);
            ctx.getSplitsAssignmentSequence().clear();

            ctx.unregisterReader(reader);
            e.addSplitsBack(List.of(progressed), reader);
            assertThat(ctx.getSplitsAssignmentSequence()).isEmpty();
            assertThat(e.snapshotState(1).unassigned()).containsExactly(progressed);
            assertThat(e.snapshotState(1).assignedCameraIds()).doesNotContain("cam-1");

            ctx.registerReader(new ReaderInfo(reader, "host"));
            e.addReader(reader);

            assertThat(ctx.getSplitsAssignmentSequence()).hasSize(1);
            assertThat(ctx.getSplitsAssignmentSequence().get(0).assignment().get(reader))
                    .containsExactly(progressed);
        }
    }

    @Test
    void restoredStateKeepsAssignmentsAndDoesNotSelectAgain() throws Throwable {
        try (MockSplitEnumeratorContext<CameraSplit> ctx =
                new MockSplitEnumeratorContext<>(PARALLELISM)) {
            CameraSplit waiting = new CameraSplit(cameras(3).get(2), 7, 7);
            CameraEnumState state =
                    new CameraEnumState(Set.of("cam-0", "cam-1"), Set.of(waiting), true);
            CameraSourceEnumerator e =
                    enumerator(
                            ctx,
                            CameraSelector.cameras(cameras(3)),
                            Boundedness.CONTINUOUS_UNBOUNDED,
                            Duration.ZERO,
                            state);
            e.start();
            registerAll(ctx, e);

            assertThat(ctx.getOneTimeCallables()).isEmpty();
            assertThat(assigned(ctx))
                    .containsExactly(
                            Map.entry(
                                    CameraSourceEnumerator.owner("cam-2", PARALLELISM),
                                    List.of("cam-2")));
            assertThat(e.snapshotState(2))
                    .isEqualTo(
                            new CameraEnumState(Set.of("cam-0", "cam-1", "cam-2"), Set.of(), true));
        }
    }

    @Test
    void discoveryAddsNewCamerasOnly() throws Throwable {
        List<CameraDevice> catalog = new CopyOnWriteArrayList<>(cameras(2));
        CameraSelector growing = () -> List.copyOf(catalog);
        try (MockSplitEnumeratorContext<CameraSplit> ctx =
                new MockSplitEnumeratorContext<>(PARALLELISM)) {
            CameraSourceEnumerator e =
                    enumerator(
                            ctx,
                            growing,
                            Boundedness.CONTINUOUS_UNBOUNDED,
                            Duration.ofSeconds(30),
                            CameraEnumState.initial());
            e.start();
            registerAll(ctx, e);
            ctx.runPeriodicCallable(0);
            catalog.add(cameras(5).get(4));
            ctx.runPeriodicCallable(0);

            List<String> all = new ArrayList<>();
            assigned(ctx).values().forEach(all::addAll);
            assertThat(all).containsExactlyInAnyOrder("cam-0", "cam-1", "cam-4");
        }
    }

    @Test
    void aFailingSelectionFailsWithItsCause() throws Exception {
        CameraSelector broken =
                () -> {
                    throw new IOException("catalog.yaml: no such file");
                };
        try (MockSplitEnumeratorContext<CameraSplit> ctx =
                new MockSplitEnumeratorContext<>(PARALLELISM)) {
            CameraSourceEnumerator e =
                    enumerator(
                            ctx,
                            broken,
                            Boundedness.CONTINUOUS_UNBOUNDED,
                            Duration.ZERO,
                            CameraEnumState.initial());
            e.start();

            assertThatThrownBy(ctx::runNextOneTimeCallable)
                    .hasStackTraceContaining("Cannot select the cameras")
                    .hasStackTraceContaining("catalog.yaml: no such file");
        }
    }
}

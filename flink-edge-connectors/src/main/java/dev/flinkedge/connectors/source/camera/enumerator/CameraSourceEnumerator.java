package dev.flinkedge.connectors.source.camera.enumerator;

import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.split.CameraSplit;

import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns cameras to source readers: one camera is one split, owned by reader {@code
 * floorMod(cameraId.hashCode(), parallelism)}, so the same camera always lands on the same subtask
 * for a given parallelism. Cameras come from a {@link CameraSelector}, run through {@code
 * callAsync} (once, or periodically with discovery on); splits given back by a failed reader are
 * queued again with their progress. In bounded mode every reader is told that no more splits come
 * once the selection has run. All methods run in the coordinator thread.
 */
@Internal
public final class CameraSourceEnumerator implements SplitEnumerator<CameraSplit, CameraEnumState> {

    private static final Logger LOG = LoggerFactory.getLogger(CameraSourceEnumerator.class);

    private final SplitEnumeratorContext<CameraSplit> context;
    private final CameraSelector selector;
    private final Boundedness boundedness;
    private final Duration discoveryInterval;
    private final Set<String> assignedCameraIds;
    private final Map<Integer, Set<CameraSplit>> pending = new HashMap<>();
    private boolean initialSelectionDone;

    public CameraSourceEnumerator(
            SplitEnumeratorContext<CameraSplit> context,
            CameraSelector selector,
            Boundedness boundedness,
            Duration discoveryInterval,
            CameraEnumState state) {
        this.context = context;
        this.selector = selector;
        this.boundedness = boundedness;
        this.discoveryInterval = discoveryInterval;
        this.assignedCameraIds = new HashSet<>(state.assignedCameraIds());
        this.initialSelectionDone = state.initialSelectionDone();
        for (CameraSplit split : state.unassigned()) {
            addPending(split);
        }
    }

    @Override
    public void start() {
        if (discoveryEnabled()) {
            LOG.info("Selecting {} every {}", selector, discoveryInterval);
            context.callAsync(
                    selector::select, this::handleSelection, 0, discoveryInterval.toMillis());
        } else if (!initialSelectionDone) {
            LOG.info("Selecting {}", selector);
            context.callAsync(selector::select, this::handleSelection);
        } else {
            assignPending();
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Splits are pushed to their owners; requests carry no information.
    }

    @Override
    public void addSplitsBack(List<CameraSplit> splits, int subtaskId) {
        LOG.info(
                "Reader {} gave back {} camera(s); they are assigned again",
                subtaskId,
                splits.size());
        for (CameraSplit split : splits) {
            assignedCameraIds.remove(split.splitId());
            addPending(split);
        }
        if (context.registeredReaders().containsKey(subtaskId)) {
            assignPending();
        }
    }

    @Override
    public void addReader(int subtaskId) {
        LOG.debug("Reader {} registered", subtaskId);
        assignPending();
    }

    @Override
    public CameraEnumState snapshotState(long checkpointId) {
        Set<CameraSplit> unassigned = new HashSet<>();
        pending.values().forEach(unassigned::addAll);
        LOG.debug(
                "Checkpoint {}: {} cameras assigned, {} waiting",
                checkpointId,
                assignedCameraIds.size(),
                unassigned.size());
        return new CameraEnumState(assignedCameraIds, unassigned, initialSelectionDone);
    }

    @Override
    public void close() {
        LOG.info("Camera enumerator closed with {} cameras assigned", assignedCameraIds.size());
    }

    /** The reader that owns {@code cameraId} at {@code parallelism}. */
    @VisibleForTesting
    static int owner(String cameraId, int parallelism) {
        return Math.floorMod(cameraId.hashCode(), parallelism);
    }

    private void handleSelection(List<CameraDevice> cameras, Throwable error) {
        if (error != null) {
            throw new FlinkRuntimeException(
                    "Cannot select the cameras (" + selector + "): " + error.getMessage(), error);
        }
        int added = 0;
        for (CameraDevice camera : cameras) {
            if (!assignedCameraIds.contains(camera.id()) && !isPending(camera.id())) {
                addPending(CameraSplit.fresh(camera));
                added++;
            }
        }
        if (!initialSelectionDone && cameras.isEmpty()) {
            LOG.warn("{} selected no camera; check the device list or areas", selector);
        }
        if (added > 0) {
            LOG.info(
                    "{} new camera(s) selected, {} in total",
                    added,
                    assignedCameraIds.size() + pendingCount());
        }
        initialSelectionDone = true;
        assignPending();
    }

    private void addPending(CameraSplit split) {
        int owner = owner(split.splitId(), context.currentParallelism());
        pending.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(split);
    }

    private boolean isPending(String cameraId) {
        for (Set<CameraSplit> splits : pending.values()) {
            for (CameraSplit s : splits) {
                if (s.splitId().equals(cameraId)) {
                    return true;
                }
            }
        }
        return false;
    }

    private int pendingCount() {
        return pending.values().stream().mapToInt(Set::size).sum();
    }

    private void assignPending() {
        Set<Integer> readers = context.registeredReaders().keySet();
        Map<Integer, List<CameraSplit>> assignment = new HashMap<>();
        for (Integer reader : readers) {
            Set<CameraSplit> splits = pending.remove(reader);
            if (splits != null && !splits.isEmpty()) {
                assignment.put(reader, new ArrayList<>(splits));
                for (CameraSplit s : splits) {
                    assignedCameraIds.add(s.splitId());
                    LOG.debug("Camera {} goes to reader {}", s.splitId(), reader);
                }
            }
        }
        if (!assignment.isEmpty()) {
            context.assignSplits(new SplitsAssignment<>(assignment));
        }
        if (boundedness == Boundedness.BOUNDED && initialSelectionDone && !discoveryEnabled()) {
            for (Integer reader : readers) {
                if (!pending.containsKey(reader)) {
                    context.signalNoMoreSplits(reader);
                }
            }
        }
    }

    private boolean discoveryEnabled() {
        return discoveryInterval.toMillis() > 0;
    }
}

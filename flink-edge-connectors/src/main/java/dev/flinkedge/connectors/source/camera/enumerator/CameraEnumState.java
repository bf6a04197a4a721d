package dev.flinkedge.connectors.source.camera.enumerator;

import dev.flinkedge.connectors.source.camera.split.CameraSplit;

import org.apache.flink.annotation.Internal;

import java.util.Objects;
import java.util.Set;

/**
 * Checkpointed state of the camera enumerator: the cameras already handed to readers (their
 * progress lives in the readers' state), the splits not yet assigned (new ones, or ones a failed
 * reader gave back, with their progress), and whether the initial camera selection has run.
 *
 * @param assignedCameraIds ids of cameras assigned to a reader
 * @param unassigned splits waiting for their reader
 * @param initialSelectionDone whether the selector has run at least once
 */
@Internal
public record CameraEnumState(
        Set<String> assignedCameraIds, Set<CameraSplit> unassigned, boolean initialSelectionDone) {

    public CameraEnumState {
        assignedCameraIds =
                Set.copyOf(Objects.requireNonNull(assignedCameraIds, "assignedCameraIds"));
        unassigned = Set.copyOf(Objects.requireNonNull(unassigned, "unassigned"));
    }

    /** The state of a source that has not selected its cameras yet. */
    public static CameraEnumState initial() {
        return new CameraEnumState(Set.of(), Set.of(), false);
    }
}

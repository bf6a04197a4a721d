package dev.flinkedge.scheduler.cluster;

import java.util.Map;
import java.util.Objects;

/**
 * A TaskManager as the JobManager's REST API ({@code /taskmanagers}) reports it.
 *
 * @param id the resource id, e.g. {@code edge-1-tm-0}
 * @param slots task slots
 * @param freeSlots slots not in use
 * @param extendedResources external resources by name ({@code totalResource.extendedResources}),
 *     e.g. {@code edge-1 → 2.0}
 */
public record TaskManagerInfo(
        String id, int slots, int freeSlots, Map<String, Double> extendedResources) {

    /** Copies the map. */
    public TaskManagerInfo {
        Objects.requireNonNull(id, "id");
        extendedResources = Map.copyOf(extendedResources);
    }
}

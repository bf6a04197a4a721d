package dev.flinkedge.scheduler.cluster;

import java.util.Objects;

/**
 * A job as the JobManager's REST API ({@code /jobs/overview}) reports it.
 *
 * @param id the job id
 * @param name the job name
 * @param state e.g. {@code RUNNING}, {@code FINISHED}
 */
public record JobInfo(String id, String name, String state) {

    /** Checks the fields. */
    public JobInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }
}

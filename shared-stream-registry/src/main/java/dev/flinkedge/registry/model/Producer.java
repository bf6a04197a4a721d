package dev.flinkedge.registry.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.io.Serializable;

/**
 * The job that writes an ACTIVE stream.
 *
 * @param jobId the Flink job id
 * @param name the job's name, e.g. {@code host:city-a/VehicleStream} for a supervisor's host job,
 *     or {@code null} when unknown
 * @param site the edge site its writing operator runs at, or {@code null} when unknown
 */
public record Producer(String jobId, String name, String site) implements Serializable {

    /** Prefix of the names of the host jobs a stream supervisor starts for orphaned streams. */
    public static final String HOST_JOB_PREFIX = "host:";

    /** A producer whose job name is not known. */
    public Producer(String jobId, String site) {
        this(jobId, null, site);
    }

    public Producer {
        if (jobId == null || jobId.isBlank() || jobId.length() > 128) {
            throw new InvalidFieldException("producer.jobId", "is required (at most 128 chars)");
        }
        if (name != null && name.length() > 256) {
            throw new InvalidFieldException("producer.name", "at most 256 chars");
        }
        if (site != null && site.length() > 128) {
            throw new InvalidFieldException("producer.site", "at most 128 chars");
        }
    }

    /** The host job name of {@code stream}: {@code host:<owner>/<name>}. */
    public static String hostJobName(StreamRef stream) {
        return HOST_JOB_PREFIX + stream;
    }

    /** Whether the job is a host job a stream supervisor started. */
    @JsonIgnore
    public boolean isHostJob() {
        return name != null && name.startsWith(HOST_JOB_PREFIX);
    }
}

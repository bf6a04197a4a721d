package dev.flinkedge.registry.model;

import java.io.Serializable;

/**
 * The job that writes an ACTIVE stream.
 *
 * @param jobId the Flink job id
 * @param site the edge site its writing operator runs at, or {@code null} when unknown
 */
public record Producer(String jobId, String site) implements Serializable {

    public Producer {
        if (jobId == null || jobId.isBlank() || jobId.length() > 128) {
            throw new InvalidFieldException("producer.jobId", "is required (at most 128 chars)");
        }
        if (site != null && site.length() > 128) {
            throw new InvalidFieldException("producer.site", "at most 128 chars");
        }
    }
}

package dev.flinkedge.connectors.api;

import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * Fails a job that reads a shared stream which its owner retired or deleted: nobody will produce it
 * again. Marked non-recoverable: restarting cannot help, so Flink fails the job instead of
 * restarting it.
 */
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
@PublicEvolving
public class StreamRetiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stream;
    private final boolean deleted;

    /**
     * @param stream the stream the job reads
     * @param deleted whether the stream is gone from the registry rather than RETIRED
     */
    public StreamRetiredException(StreamRef stream, boolean deleted) {
        super(
                "Shared stream "
                        + stream
                        + (deleted
                                ? " was deleted from the registry"
                                : " was RETIRED by its owner '" + stream.owner() + "'")
                        + ": it will not be produced again. Subscribe to another stream (see"
                        + " 'flink-edge streams ls'), ask '"
                        + stream.owner()
                        + "' to register and produce it again, or compute it yourself");
        this.stream = stream.toString();
        this.deleted = deleted;
    }

    /** The stream, as owner/name. */
    public String stream() {
        return stream;
    }

    /** Whether the stream was deleted rather than RETIRED. */
    public boolean deleted() {
        return deleted;
    }
}

package dev.flinkedge.connectors.api;

import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * Fails a job that reads a shared stream whose owner revoked the job owner's grant. Marked
 * non-recoverable: restarting cannot help, so Flink fails the job instead of restarting it.
 */
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
@PublicEvolving
public class StreamAccessRevokedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stream;
    private final String owner;

    public StreamAccessRevokedException(StreamRef stream, String reader) {
        super(
                "Access to shared stream "
                        + stream
                        + " was revoked by its owner '"
                        + stream.owner()
                        + "' for '"
                        + reader
                        + "'; ask '"
                        + stream.owner()
                        + "' for a new grant, or"
                        + " compute the stream yourself");
        this.stream = stream.toString();
        this.owner = stream.owner();
    }

    /** The stream, as owner/name. */
    public String stream() {
        return stream;
    }

    /** The stream's owner, who revoked the grant. */
    public String owner() {
        return owner;
    }
}

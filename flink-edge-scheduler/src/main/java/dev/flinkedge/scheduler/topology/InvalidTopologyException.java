package dev.flinkedge.scheduler.topology;

/**
 * A topology that cannot be used: the message names the bad entry (site, link or field) and says
 * how to fix it.
 */
public final class InvalidTopologyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidTopologyException(String message) {
        super(message);
    }

    public InvalidTopologyException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.flinkedge.scheduler.cluster;

/**
 * The local edge cluster did not come up. The message names the process that failed and its log
 * file; whatever had been started is already stopped.
 */
public final class ClusterStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterStartException(String message) {
        super(message);
    }

    public ClusterStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

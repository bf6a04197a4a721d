package dev.flinkedge.registry.errors;

import java.util.OptionalInt;

/**
 * 5xx: the registry cannot serve the request now — its Kafka store failed, timed out or cannot
 * reach Kafka, or this instance lost the writer role to a newer one. The request may be retried;
 * when the registry said when (a 503 answer's {@code Retry-After}), {@link #retryAfterSeconds()}
 * carries it.
 */
public class RegistryUnavailableException extends RegistryException {
    private static final long serialVersionUID = 1L;

    private final int retryAfterSeconds;

    RegistryUnavailableException(int httpStatus, int errorCode, String message, Throwable cause) {
        this(httpStatus, errorCode, message, cause, 0);
    }

    RegistryUnavailableException(
            int httpStatus, int errorCode, String message, Throwable cause, int retryAfterSeconds) {
        super(httpStatus, errorCode, message, cause);
        this.retryAfterSeconds = Math.max(0, retryAfterSeconds);
    }

    /** How long the registry asked the client to wait before retrying, if it said so. */
    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds > 0 ? OptionalInt.of(retryAfterSeconds) : OptionalInt.empty();
    }
}

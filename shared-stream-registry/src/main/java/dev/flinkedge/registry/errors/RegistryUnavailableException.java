package dev.flinkedge.registry.errors;

/**
 * 5xx: the registry cannot serve the request now — its Kafka store failed or timed out, or this
 * instance lost the writer role to a newer one. Nothing was changed; the request may be retried.
 */
public class RegistryUnavailableException extends RegistryException {
    private static final long serialVersionUID = 1L;

    RegistryUnavailableException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(httpStatus, errorCode, message, cause);
    }
}

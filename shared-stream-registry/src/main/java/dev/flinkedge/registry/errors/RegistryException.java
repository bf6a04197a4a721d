package dev.flinkedge.registry.errors;

/**
 * Base of every failure the registry reports. Each carries the HTTP status it maps to and a stable
 * {@code error_code} (HTTP status × 100 + n, as in Schema Registry), so that server, client and CLI
 * speak of the same failure the same way. Instances are made through {@link Errors}.
 */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    RegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The HTTP status this failure answers with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The stable error code, e.g. 40901 for "stream exists". */
    public int errorCode() {
        return errorCode;
    }
}

package dev.flinkedge.registry.errors;

/** 400 or 413: the request is malformed, names a bad field, or is too large. */
public class InvalidRequestException extends RegistryException {
    private static final long serialVersionUID = 1L;

    InvalidRequestException(int httpStatus, int errorCode, String message) {
        super(httpStatus, errorCode, message, null);
    }
}

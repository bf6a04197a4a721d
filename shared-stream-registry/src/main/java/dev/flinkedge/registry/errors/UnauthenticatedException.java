package dev.flinkedge.registry.errors;

/** 401: no bearer token, or one the registry does not know. */
public class UnauthenticatedException extends RegistryException {
    private static final long serialVersionUID = 1L;

    UnauthenticatedException(int errorCode, String message) {
        super(401, errorCode, message, null);
    }
}

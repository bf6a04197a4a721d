package dev.flinkedge.registry.errors;

/** 404: no such stream, fingerprint or subscription. */
public class NotFoundException extends RegistryException {
    private static final long serialVersionUID = 1L;

    NotFoundException(int errorCode, String message) {
        super(404, errorCode, message, null);
    }
}

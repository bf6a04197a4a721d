package dev.flinkedge.registry.errors;

/** 403: the caller is known but may not do this (not the owner, or no grant). */
public class AccessDeniedException extends RegistryException {
    private static final long serialVersionUID = 1L;

    AccessDeniedException(int errorCode, String message) {
        super(403, errorCode, message, null);
    }
}

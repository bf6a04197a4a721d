package dev.flinkedge.registry.errors;

import dev.flinkedge.registry.model.StreamDescriptor;

import java.util.Optional;

/**
 * 409: the request collides with existing state. When a stream already exists (same name, or same
 * fingerprint for the same owner) the existing descriptor comes along so that the caller can use
 * it.
 */
public class ConflictException extends RegistryException {
    private static final long serialVersionUID = 1L;

    private final transient StreamDescriptor existing;

    ConflictException(int errorCode, String message, StreamDescriptor existing) {
        super(409, errorCode, message, null);
        this.existing = existing;
    }

    /** The stream that is in the way, when there is one. */
    public Optional<StreamDescriptor> existing() {
        return Optional.ofNullable(existing);
    }
}

package dev.flinkedge.registry.storage;

/**
 * Value of a GRANT key: who granted read access and when.
 *
 * @param grantedBy the principal that granted (the owner)
 * @param grantedAtMs epoch millis
 */
public record GrantRecord(String grantedBy, long grantedAtMs) {}

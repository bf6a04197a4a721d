package dev.flinkedge.registry.errors;

import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;

/**
 * The one catalogue of registry failures: one factory and one code per failure. The server throws
 * these, the REST layer writes {@code {"error_code", "message"}}, and the client turns the code
 * back into the same exception type through {@link #fromResponse}.
 */
public final class Errors {

    public static final int MALFORMED_JSON = 40001;
    public static final int UNKNOWN_FIELD = 40002;
    public static final int INVALID_FIELD = 40003;
    public static final int UNKNOWN_PARENT = 40004;
    public static final int LINEAGE_CYCLE = 40005;
    public static final int BAD_REQUEST = 40006;
    public static final int MISSING_TOKEN = 40101;
    public static final int UNKNOWN_TOKEN = 40102;
    public static final int NOT_OWNER = 40301;
    public static final int STREAM_NOT_FOUND = 40401;
    public static final int FINGERPRINT_NOT_FOUND = 40402;
    public static final int SUBSCRIPTION_NOT_FOUND = 40403;
    public static final int ROUTE_NOT_FOUND = 40404;
    public static final int GRANT_NOT_FOUND = 40405;
    public static final int METHOD_NOT_ALLOWED = 40501;
    public static final int STREAM_EXISTS = 40901;
    public static final int FINGERPRINT_EXISTS = 40902;
    public static final int LIVE_SUBSCRIPTIONS = 40903;
    public static final int ILLEGAL_STATUS = 40904;
    public static final int NOT_LEASE_HOLDER = 40905;
    public static final int BODY_TOO_LARGE = 41301;
    public static final int UNSUPPORTED_MEDIA_TYPE = 41501;
    public static final int STORE_ERROR = 50001;
    public static final int STORE_TIMEOUT = 50002;
    public static final int INTERNAL = 50003;
    public static final int FENCED = 50301;
    public static final int UNREACHABLE = 50302;
    public static final int STORE_UNAVAILABLE = 50303;

    private Errors() {}

    public static InvalidRequestException malformedJson(String detail) {
        return new InvalidRequestException(400, MALFORMED_JSON, "Malformed JSON: " + detail);
    }

    public static InvalidRequestException unknownField(String field, String known) {
        return new InvalidRequestException(
                400, UNKNOWN_FIELD, "Unknown field '" + field + "'; known fields: " + known);
    }

    public static InvalidRequestException invalidField(String message) {
        return new InvalidRequestException(400, INVALID_FIELD, message);
    }

    public static InvalidRequestException unknownParent(int index, String parent) {
        return new InvalidRequestException(
                400,
                UNKNOWN_PARENT,
                "Invalid field 'lineage.parents["
                        + index
                        + "]': no live stream '"
                        + parent
                        + "' that the caller may read is registered; register the parent first, or"
                        + " ask its owner for a grant");
    }

    public static InvalidRequestException lineageCycle(StreamRef stream, String via) {
        return new InvalidRequestException(
                400,
                LINEAGE_CYCLE,
                "Invalid field 'lineage.parents': stream "
                        + stream
                        + " would be its own ancestor"
                        + " (via "
                        + via
                        + "); a lineage must be acyclic");
    }

    public static InvalidRequestException badRequest(String message) {
        return new InvalidRequestException(400, BAD_REQUEST, message);
    }

    public static InvalidRequestException bodyTooLarge(long limit) {
        return new InvalidRequestException(
                413, BODY_TOO_LARGE, "Request body exceeds the limit of " + limit + " bytes");
    }

    public static InvalidRequestException unsupportedMediaType(String contentType) {
        return new InvalidRequestException(
                415,
                UNSUPPORTED_MEDIA_TYPE,
                "Content-Type '" + contentType + "' is not supported; send application/json");
    }

    public static UnauthenticatedException missingToken() {
        return new UnauthenticatedException(
                MISSING_TOKEN,
                "Missing 'Authorization: Bearer <token>' header; pass --token or set"
                        + " FLINK_EDGE_TOKEN");
    }

    public static UnauthenticatedException unknownToken() {
        return new UnauthenticatedException(
                UNKNOWN_TOKEN, "The bearer token is not in this registry's tokens file");
    }

    public static AccessDeniedException notOwner(String caller, StreamRef stream, String action) {
        return new AccessDeniedException(
                NOT_OWNER,
                "'"
                        + caller
                        + "' may not "
                        + action
                        + " stream "
                        + stream
                        + ": only its owner '"
                        + stream.owner()
                        + "' may");
    }

    public static NotFoundException streamNotFound(StreamRef stream) {
        return new NotFoundException(
                STREAM_NOT_FOUND,
                "Stream "
                        + stream
                        + " not found, or the caller may not read it; if it exists, ask its owner"
                        + " for a grant");
    }

    public static NotFoundException fingerprintNotFound(String fingerprint) {
        return new NotFoundException(
                FINGERPRINT_NOT_FOUND,
                "No ACTIVE stream readable by the caller has fingerprint " + fingerprint);
    }

    public static NotFoundException subscriptionNotFound(StreamRef stream, String id) {
        return new NotFoundException(
                SUBSCRIPTION_NOT_FOUND,
                "Subscription '"
                        + id
                        + "' on stream "
                        + stream
                        + " not found (expired or deleted)");
    }

    public static NotFoundException grantNotFound(StreamRef stream, String grantee) {
        return new NotFoundException(
                GRANT_NOT_FOUND, "Stream " + stream + " has no grant for '" + grantee + "'");
    }

    public static NotFoundException routeNotFound(String method, String path) {
        return new NotFoundException(ROUTE_NOT_FOUND, "No endpoint " + method + " " + path);
    }

    public static InvalidRequestException methodNotAllowed(String method, String path) {
        return new InvalidRequestException(
                405, METHOD_NOT_ALLOWED, "Method " + method + " is not allowed on " + path);
    }

    public static ConflictException streamExists(StreamDescriptor existing) {
        return new ConflictException(
                STREAM_EXISTS,
                "Stream "
                        + existing.ref()
                        + " already exists (fingerprint "
                        + existing.fingerprint()
                        + ")",
                existing);
    }

    public static ConflictException fingerprintExists(StreamDescriptor existing) {
        return new ConflictException(
                FINGERPRINT_EXISTS,
                "Owner '"
                        + existing.owner()
                        + "' already has stream "
                        + existing.ref()
                        + " with the same lineage fingerprint "
                        + existing.fingerprint()
                        + " (status "
                        + existing.status()
                        + "); use it instead",
                existing);
    }

    public static ConflictException liveSubscriptions(StreamDescriptor existing, long count) {
        return new ConflictException(
                LIVE_SUBSCRIPTIONS,
                "Stream "
                        + existing.ref()
                        + " has "
                        + count
                        + " live subscription(s); wait for"
                        + " them to end or delete with ?force=true",
                existing);
    }

    public static ConflictException illegalStatus(StreamDescriptor existing, String detail) {
        return new ConflictException(ILLEGAL_STATUS, detail, existing);
    }

    /**
     * A job that does not hold the stream's production lease tried to renew, release or take it:
     * one producer per stream.
     */
    public static ConflictException notLeaseHolder(StreamDescriptor existing, String jobId) {
        String holder =
                existing.lease() == null
                        ? "no job holds its production lease (status " + existing.status() + ")"
                        : "job "
                                + existing.lease().jobId()
                                + " holds its production lease (status "
                                + existing.status()
                                + ")";
        return new ConflictException(
                NOT_LEASE_HOLDER,
                "Job "
                        + jobId
                        + " is not the producer of stream "
                        + existing.ref()
                        + ": "
                        + holder
                        + "; a stream has one producer at a time, so stop this job or mark the"
                        + " stream ACTIVE for it once the other producer has ended",
                existing);
    }

    public static RegistryUnavailableException storeError(String detail, Throwable cause) {
        return new RegistryUnavailableException(
                500, STORE_ERROR, "The registry's Kafka store failed: " + detail, cause);
    }

    public static RegistryUnavailableException storeTimeout(String detail) {
        return new RegistryUnavailableException(
                500,
                STORE_TIMEOUT,
                "Timed out waiting for the registry's Kafka store: " + detail,
                null);
    }

    public static RegistryUnavailableException internal(String detail, Throwable cause) {
        return new RegistryUnavailableException(500, INTERNAL, "Internal error: " + detail, cause);
    }

    public static RegistryUnavailableException fenced(String topic) {
        return new RegistryUnavailableException(
                503,
                FENCED,
                "This registry instance is read-only: a newer instance took over writing topic '"
                        + topic
                        + "'. Send writes to the newer instance.",
                null);
    }

    /**
     * The store cannot write now because Kafka does not answer; {@code detail} names the cluster
     * and says whether anything may have been written. The client may retry after {@code
     * retryAfterSeconds} (the answer's {@code Retry-After}).
     */
    public static RegistryUnavailableException storeUnavailable(
            String detail, int retryAfterSeconds, Throwable cause) {
        return new RegistryUnavailableException(
                503,
                STORE_UNAVAILABLE,
                "Registry store unavailable: "
                        + detail
                        + "; you may retry after "
                        + retryAfterSeconds
                        + " s",
                cause,
                retryAfterSeconds);
    }

    public static RegistryUnavailableException unreachable(String url, Throwable cause) {
        return new RegistryUnavailableException(
                503,
                UNREACHABLE,
                "Cannot reach the registry at "
                        + url
                        + ": "
                        + cause
                        + "; is it running (flink-edge registry start) and is --registry right?",
                cause);
    }

    public static RegistryUnavailableException tlsFailed(String url, Throwable cause) {
        return new RegistryUnavailableException(
                503,
                UNREACHABLE,
                "TLS handshake with the registry at "
                        + url
                        + " failed: "
                        + cause.getMessage()
                        + "; if its certificate is self-signed or from a private CA, pass a"
                        + " truststore holding it (--registry-truststore FILE)",
                cause);
    }

    /**
     * Rebuilds the typed exception for a response a client received that carried no {@code
     * Retry-After}.
     *
     * @param existing the existing descriptor carried by a 409 answer, or null
     */
    public static RegistryException fromResponse(
            int httpStatus, int errorCode, String message, StreamDescriptor existing) {
        return fromResponse(httpStatus, errorCode, message, existing, 0);
    }

    /**
     * Rebuilds the typed exception for a response a client received.
     *
     * @param existing the existing descriptor carried by a 409 answer, or null
     * @param retryAfterSeconds the {@code Retry-After} header of a 503 answer, or 0 for none
     */
    public static RegistryException fromResponse(
            int httpStatus,
            int errorCode,
            String message,
            StreamDescriptor existing,
            int retryAfterSeconds) {
        return switch (httpStatus) {
            case 400, 405, 413, 415 -> new InvalidRequestException(httpStatus, errorCode, message);
            case 401 -> new UnauthenticatedException(errorCode, message);
            case 403 -> new AccessDeniedException(errorCode, message);
            case 404 -> new NotFoundException(errorCode, message);
            case 409 -> new ConflictException(errorCode, message, existing);
            default ->
                    httpStatus >= 500
                            ? new RegistryUnavailableException(
                                    httpStatus, errorCode, message, null, retryAfterSeconds)
                            : new RegistryException(httpStatus, errorCode, message, null);
        };
    }
}

package dev.flinkedge.registry.model;

/**
 * Bodies of the REST API's requests other than stream creation (which takes a StreamSpec), and of
 * its error answers: the wire format shared by the server and its client.
 */
public final class Requests {

    private Requests() {}

    /**
     * {@code POST /v1/streams/{owner}/{name}/grants}.
     *
     * @param grantee the principal to let read the stream
     */
    public record Grant(String grantee) {}

    /**
     * {@code POST /v1/streams/{owner}/{name}/subscriptions}.
     *
     * @param jobId the subscribing job
     * @param leaseSeconds lease length, or null for the registry's default
     */
    public record Subscribe(String jobId, Integer leaseSeconds) {}

    /**
     * {@code PUT /v1/streams/{owner}/{name}/status}.
     *
     * @param status the new status
     * @param producer the producing job, required for ACTIVE
     */
    public record Status(StreamStatus status, Producer producer) {}

    /**
     * The body of every error answer.
     *
     * @param error_code stable code, HTTP status × 100 + n
     * @param message what was wrong and how to fix it
     * @param existing for 409 answers about an existing stream, that stream
     * @param error_id for 500 answers, the id under which the registry logged the failure
     */
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    @SuppressWarnings("checkstyle:RecordComponentName")
    public record ErrorBody(
            int error_code, String message, StreamDescriptor existing, String error_id) {}
}

package dev.flinkedge.registry.storage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code GET /v1/health} reports about the store: {@code DOWN} when it cannot reach Kafka or
 * its log reader has stopped (writes then fail and reads go stale), {@code UP_READ_ONLY} when a
 * newer instance took the writer role, {@code UP} otherwise.
 *
 * @param status UP, UP_READ_ONLY or DOWN
 * @param kafka the cluster's bootstrap servers and whether it answered
 * @param logReader whether the thread applying the registry topic still runs
 * @param appliedOffset the last registry-topic offset applied to the view (-1 before any)
 */
public record StoreHealth(
        String status,
        Kafka kafka,
        @JsonProperty("log_reader") LogReader logReader,
        @JsonProperty("applied_offset") long appliedOffset) {

    public static final String UP = "UP";
    public static final String UP_READ_ONLY = "UP_READ_ONLY";
    public static final String DOWN = "DOWN";

    /**
     * The Kafka part.
     *
     * @param bootstrapServers where the store connects
     * @param reachable whether the last probe got an answer
     * @param error why not, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Kafka(
            @JsonProperty("bootstrap_servers") String bootstrapServers,
            boolean reachable,
            String error) {}

    /**
     * The log reader part.
     *
     * @param alive whether its thread still follows the topic
     * @param error what stopped it, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LogReader(boolean alive, String error) {}

    /** Combines the parts: any failing part makes the store DOWN. */
    static StoreHealth of(Kafka kafka, LogReader reader, boolean fenced, long appliedOffset) {
        String status;
        if (!kafka.reachable() || !reader.alive()) {
            status = DOWN;
        } else {
            status = fenced ? UP_READ_ONLY : UP;
        }
        return new StoreHealth(status, kafka, reader, appliedOffset);
    }

    /** Whether the store serves as it should (UP or UP_READ_ONLY). */
    @JsonIgnore
    public boolean isUp() {
        return !DOWN.equals(status);
    }
}

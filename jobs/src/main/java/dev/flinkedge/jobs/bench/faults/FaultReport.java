package dev.flinkedge.jobs.bench.faults;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one run of a fault scenario measured, with how it was run (field names are the report's JSON
 * keys). Times are seconds from the fault, -1 when it did not happen within the run.
 *
 * @param scenario the scenario's name, e.g. {@code producer-cancelled}
 * @param description what the scenario does
 * @param command the command line that ran it
 * @param options every option of the run, defaults included
 * @param gitCommit {@code git rev-parse HEAD} of the checkout, or {@code unknown}
 * @param availableProcessors {@code Runtime.availableProcessors()} of the benchmark's JVM
 * @param startedAt when the run started, ISO-8601 UTC
 * @param durationS the whole run, cluster start included
 * @param notes what the run saw beside the numbers (e.g. that the subscriber was resubmitted)
 * @param streams one entry per delivery guarantee measured
 */
public record FaultReport(
        @JsonProperty("scenario") String scenario,
        @JsonProperty("description") String description,
        @JsonProperty("command") String command,
        @JsonProperty("options") Map<String, String> options,
        @JsonProperty("git_commit") String gitCommit,
        @JsonProperty("available_processors") int availableProcessors,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("duration_s") double durationS,
        @JsonProperty("notes") List<String> notes,
        @JsonProperty("streams") List<StreamOutcome> streams) {

    /**
     * The outcome for one shared stream.
     *
     * @param guarantee the stream's delivery guarantee
     * @param stream the stream, {@code owner/name}
     * @param orphanDetectedS until the registry showed the stream ORPHANED
     * @param rehostedS until the subscriber's next record after its longest pause following the
     *     fault
     * @param subscriberGapS the subscriber's longest pause between two records after the fault
     * @param recordsEmitted distinct sequence numbers the cameras emitted in the counted range
     * @param recordsDelivered distinct sequence numbers the subscriber wrote in that range
     * @param recordsLost emitted sequence numbers in that range the subscriber never wrote
     * @param recordsDuplicated sequence numbers the subscriber wrote more than once
     * @param recordsNotCounted sequence numbers the producer's cameras emitted while another job
     *     wrote the stream, left out of emitted, delivered and lost
     * @param maxConcurrentProducers the most jobs whose records of the stream arrived at the same
     *     time (see {@link StreamWriters}), counted at the stream's topic
     * @param producerJobs every job that wrote the stream, in the order of its first record
     * @param maxRunningTapJobs the most jobs Flink showed with a RUNNING tap of the stream at one
     *     sample, whether or not their tap could write (a fenced tap cannot)
     * @param tapJobs every job seen with a RUNNING tap of the stream
     * @param leaseHolders every job seen holding a live production lease of the stream
     * @param finalStatus the stream's registry status at the end
     * @param finalSubscriptions live subscriptions of the stream at the end
     */
    public record StreamOutcome(
            @JsonProperty("guarantee") String guarantee,
            @JsonProperty("stream") String stream,
            @JsonProperty("orphan_detected_s") double orphanDetectedS,
            @JsonProperty("rehosted_s") double rehostedS,
            @JsonProperty("subscriber_gap_s") double subscriberGapS,
            @JsonProperty("records_emitted") long recordsEmitted,
            @JsonProperty("records_delivered") long recordsDelivered,
            @JsonProperty("records_lost") long recordsLost,
            @JsonProperty("records_duplicated") long recordsDuplicated,
            @JsonProperty("records_not_counted") long recordsNotCounted,
            @JsonProperty("max_concurrent_producers") int maxConcurrentProducers,
            @JsonProperty("producer_jobs") List<String> producerJobs,
            @JsonProperty("max_running_tap_jobs") int maxRunningTapJobs,
            @JsonProperty("tap_jobs") List<String> tapJobs,
            @JsonProperty("lease_holders") List<String> leaseHolders,
            @JsonProperty("final_status") String finalStatus,
            @JsonProperty("final_subscriptions") int finalSubscriptions) {}

    /** Writes the report as indented JSON. */
    public void write(Path file) throws IOException {
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), this);
    }

    /** The outcome for {@code guarantee}, e.g. {@code EXACTLY_ONCE}. */
    public StreamOutcome outcome(String guarantee) {
        return streams.stream()
                .filter(s -> s.guarantee().equals(guarantee))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "the run measured no "
                                                + guarantee
                                                + " stream; it measured "
                                                + streams.stream()
                                                        .map(StreamOutcome::guarantee)
                                                        .toList()));
    }
}

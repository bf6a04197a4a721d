package dev.flinkedge.jobs.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one run of the sharing benchmark measured (field names are the report's JSON keys).
 *
 * @param mode how b was added
 * @param framesIn camera frames x+a turned into results
 * @param detectInvocations detection runs across all jobs
 * @param invocationsPerFrame detection runs per frame
 * @param xaLatencyMs x+a end-to-end latency (capture → result read from Kafka) before and after t1
 * @param xbFirstResultS seconds from b's start to its first result
 * @param xaOutputGapS the longest pause between two x+a results during the run
 * @param xaRestarts how often x+a was restarted (or stopped and resubmitted)
 * @param cpuSeconds CPU time of the processes running the cluster, from the OS
 * @param cpuSecondsPer1000Frames the energy proxy
 */
public record SharingReport(
        @JsonProperty("mode") String mode,
        @JsonProperty("frames_in") long framesIn,
        @JsonProperty("detect_invocations") long detectInvocations,
        @JsonProperty("invocations_per_frame") double invocationsPerFrame,
        @JsonProperty("xa_latency_ms") Latency xaLatencyMs,
        @JsonProperty("xb_first_result_s") double xbFirstResultS,
        @JsonProperty("xa_output_gap_s") double xaOutputGapS,
        @JsonProperty("xa_restarts") int xaRestarts,
        @JsonProperty("cpu_seconds") double cpuSeconds,
        @JsonProperty("cpu_seconds_per_1000_frames") double cpuSecondsPer1000Frames) {

    /**
     * x+a latency percentiles in milliseconds, before (t0) and after (t1) b joined.
     *
     * @param t0P50 median before t1
     * @param t0P95 95th percentile before t1
     * @param t1P50 median after t1
     * @param t1P95 95th percentile after t1
     */
    public record Latency(
            @JsonProperty("t0_p50") double t0P50,
            @JsonProperty("t0_p95") double t0P95,
            @JsonProperty("t1_p50") double t1P50,
            @JsonProperty("t1_p95") double t1P95) {}
}

package dev.flinkedge.jobs.demo;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * What {@code flink-edge demo --report FILE} writes: the jobs, what was shared, the cameras' rates
 * and latencies, result counts and where operators ran.
 *
 * @param jobs the submitted jobs
 * @param streamsReused streams a job subscribed to instead of computing them
 * @param detectInvocationsPerFrame detections over all jobs per camera frame (1.0: no duplicate)
 * @param cameras per camera: results' frame rate and end-to-end latency
 * @param resultsByTopic result records read per topic
 * @param placement job vertex (chained operators) to the TaskManagers its subtasks ran on
 */
public record DemoReport(
        List<Job> jobs,
        @JsonProperty("streams_reused") List<String> streamsReused,
        @JsonProperty("detect_invocations_per_frame") double detectInvocationsPerFrame,
        List<Camera> cameras,
        @JsonProperty("results_by_topic") Map<String, Long> resultsByTopic,
        Map<String, String> placement) {

    /**
     * One job.
     *
     * @param name its name
     * @param jobId Flink's id
     * @param restarts restarts while the demo ran
     * @param recordsOut result records it wrote to its topic
     */
    public record Job(
            String name,
            String jobId,
            int restarts,
            @JsonProperty("records_out") long recordsOut) {}

    /**
     * One camera, as its results show it.
     *
     * @param id camera id
     * @param fps frames per second that yielded results
     * @param latencyP50Ms median capture-to-result latency
     * @param latencyP95Ms 95th percentile of it
     */
    public record Camera(
            String id,
            double fps,
            @JsonProperty("latency_p50_ms") double latencyP50Ms,
            @JsonProperty("latency_p95_ms") double latencyP95Ms) {}
}

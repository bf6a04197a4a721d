package dev.flinkedge.jobs.bench.scheduler;

import java.util.List;
import java.util.Map;

/**
 * What one run of the scheduler benchmark measured; written as JSON with snake_case names.
 *
 * @param policy the scheduling policy
 * @param sloMs the latency objective for every camera's p95
 * @param periodMs the control period
 * @param violationRate share of control periods in which some camera's p95 exceeded the SLO (or no
 *     result arrived at all)
 * @param recoveryPeriods per event, in event order: the control periods after it until the first
 *     one back under the SLO after the violations it caused, counting that one (0 when it caused
 *     none; null when the run ended or the next event came first)
 * @param accuracyF1 detection F1 on every native frame of every camera (see {@link Timeline})
 * @param accuracyRatio accuracyF1 / bestStaticF1
 * @param frameF1 detection F1 on the frames analysed
 * @param plateAccuracy share of plate readings on plated vehicles that were correct
 * @param bestStaticF1 the profile's highest accuracy, same measure as accuracyF1
 * @param bestStaticConfig the configuration with it
 * @param bestFittingStaticF1 the highest accuracy of a configuration whose CPU and bandwidth fit
 *     the run's worst phase on paper (all cameras, the lower bandwidth, 80 % of each)
 * @param bestFittingStaticConfig that configuration, or null when none fits
 * @param bytesShipped bytes sent over the emulated link during the measured periods
 * @param restarts restarts of the pipeline job
 * @param frames frames analysed during the measured periods
 * @param droppedFrames frames lost on the way (link queue overflow), as the metrics counted them
 * @param unalignedFrames analysed frames whose scene time could not be recovered (left out of
 *     accuracyF1)
 * @param events the load step and the bandwidth drop
 * @param periods p95 latency and what happened, per control period
 */
public record SchedulerReport(
        String policy,
        long sloMs,
        long periodMs,
        double violationRate,
        List<Integer> recoveryPeriods,
        double accuracyF1,
        double accuracyRatio,
        double frameF1,
        double plateAccuracy,
        double bestStaticF1,
        String bestStaticConfig,
        double bestFittingStaticF1,
        String bestFittingStaticConfig,
        long bytesShipped,
        int restarts,
        long frames,
        long droppedFrames,
        int unalignedFrames,
        List<Event> events,
        List<Period> periods) {

    /**
     * A change injected into the run.
     *
     * @param name {@code load-step} or {@code bandwidth-drop}
     * @param afterPeriod the last period before it; the next one is the first after it
     * @param description what changed
     */
    public record Event(String name, int afterPeriod, String description) {}

    /**
     * One control period.
     *
     * @param index 1-based
     * @param endS end of the period, seconds after the measured run began
     * @param p95Ms the highest p95 of a camera in the period, null without results
     * @param cameras cameras with results in the period
     * @param frames results in the period
     * @param bytes bytes sent over the link in the period
     * @param dropped frames lost in the period
     * @param violation whether the period missed the SLO
     * @param loadAverage the machine's one-minute load average at the end of the period (other
     *     processes share the cores), or null where the system does not tell
     * @param configs each camera's policy after the controller's step at the end of the period
     */
    public record Period(
            int index,
            double endS,
            Double p95Ms,
            int cameras,
            long frames,
            long bytes,
            long dropped,
            boolean violation,
            Double loadAverage,
            Map<String, String> configs) {}
}

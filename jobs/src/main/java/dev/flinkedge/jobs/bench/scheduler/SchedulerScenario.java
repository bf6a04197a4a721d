package dev.flinkedge.jobs.bench.scheduler;

import dev.flinkedge.scheduler.control.VideoConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the scheduler benchmark runs: the policy and its SLO and period; the measured run's length
 * and when the load step (more cameras) and the bandwidth drop (on the emulated link from the
 * cameras' edge site to the cloud) happen; the cameras' best configuration, native rate and
 * encoding; the models.
 *
 * @param policy fixed, slo-feedback, profile or lifetime
 * @param slo latency objective for every camera's p95
 * @param period control period, also the metrics window
 * @param warmUp how long the pipeline runs after its first results before the measured run starts
 *     (model and JIT warm-up)
 * @param duration length of the measured run
 * @param loadStepAt when the cameras go from {@code camerasBefore} to {@code camerasAfter}
 * @param bandwidthDropAt when the link goes from the bandwidth before to the bandwidth after
 * @param camerasBefore cameras at the start
 * @param camerasAfter cameras after the load step
 * @param bandwidthBeforeMbps link bandwidth at the start
 * @param bandwidthAfterMbps link bandwidth after the drop
 * @param linkLatencyMs one-way latency of the link
 * @param linkQueueBytes bytes that may wait for the link before it drops frames
 * @param best the best configuration: native size of the cameras, top of the ladders and what
 *     {@code fixed} asks for
 * @param nativeFps the cameras' native frame rate, the rate accuracy is measured at
 * @param minFps the lowest rate slo-feedback may choose
 * @param jpegQuality the cameras' JPEG quality
 * @param platesPerFrame plates read per frame at most
 * @param model the YOLO model file
 * @param schedulerOptions further scheduler options ({@code ControlOptions} keys), e.g. a policy's
 *     gains
 */
public record SchedulerScenario(
        String policy,
        Duration slo,
        Duration period,
        Duration warmUp,
        Duration duration,
        Duration loadStepAt,
        Duration bandwidthDropAt,
        int camerasBefore,
        int camerasAfter,
        double bandwidthBeforeMbps,
        double bandwidthAfterMbps,
        double linkLatencyMs,
        long linkQueueBytes,
        VideoConfig best,
        double nativeFps,
        double minFps,
        float jpegQuality,
        int platesPerFrame,
        Path model,
        Map<String, String> schedulerOptions) {

    /** Checks the fields; messages name the setting. */
    public SchedulerScenario {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(model, "model");
        schedulerOptions = Map.copyOf(schedulerOptions);
        positive(slo, "slo");
        positive(period, "period");
        positive(duration, "duration");
        if (warmUp == null || warmUp.isNegative()) {
            throw new IllegalArgumentException("warm-up " + warmUp + " must be >= 0");
        }
        if (periods(duration, period) < 2) {
            throw new IllegalArgumentException(
                    "duration " + duration + " must span at least two" + " periods of " + period);
        }
        inside(loadStepAt, duration, period, "load step");
        inside(bandwidthDropAt, duration, period, "bandwidth drop");
        if (periodBefore(loadStepAt, period) == periodBefore(bandwidthDropAt, period)) {
            throw new IllegalArgumentException(
                    "the load step at "
                            + loadStepAt
                            + " and the"
                            + " bandwidth drop at "
                            + bandwidthDropAt
                            + " fall in the same period of "
                            + period
                            + "; put at least a period between them so each has its own"
                            + " recovery");
        }
        if (camerasBefore < 1 || camerasAfter < camerasBefore) {
            throw new IllegalArgumentException(
                    "cameras "
                            + camerasBefore
                            + " → "
                            + camerasAfter
                            + ": need at least one camera and no fewer after the load step");
        }
        if (!(bandwidthBeforeMbps > 0) || !(bandwidthAfterMbps > 0) || !(linkLatencyMs >= 0)) {
            throw new IllegalArgumentException(
                    "bandwidths "
                            + bandwidthBeforeMbps
                            + " → "
                            + bandwidthAfterMbps
                            + " Mbit/s must be > 0 and latency "
                            + linkLatencyMs
                            + " ms >= 0");
        }
        if (linkQueueBytes < 0) {
            throw new IllegalArgumentException(
                    "link queue " + linkQueueBytes + " bytes must be >= 0");
        }
        if (!(nativeFps >= best.fps()) || !(minFps > 0) || minFps > best.fps()) {
            throw new IllegalArgumentException(
                    "need min fps "
                            + minFps
                            + " <= best fps "
                            + best.fps()
                            + " <= native fps "
                            + nativeFps
                            + ", min fps > 0");
        }
        if (!(jpegQuality > 0 && jpegQuality <= 1) || platesPerFrame < 0) {
            throw new IllegalArgumentException(
                    "JPEG quality "
                            + jpegQuality
                            + " must be in"
                            + " (0, 1] and plates per frame "
                            + platesPerFrame
                            + " >= 0");
        }
    }

    /** Control periods in the measured run. */
    public int periods() {
        return periods(duration, period);
    }

    /** The last period before {@code at}: events happen right after that period's step. */
    int periodBefore(Duration at) {
        return periodBefore(at, period);
    }

    private static int periodBefore(Duration at, Duration period) {
        return (int) Math.max(1, Math.round((double) at.toMillis() / period.toMillis()));
    }

    private static int periods(Duration d, Duration p) {
        return (int) (d.toMillis() / p.toMillis());
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " is " + d + "; it must be positive");
        }
    }

    private static void inside(Duration at, Duration duration, Duration period, String name) {
        if (at == null
                || at.isNegative()
                || at.isZero()
                || periodBefore(at, period) >= periods(duration, period)) {
            throw new IllegalArgumentException(
                    name
                            + " at "
                            + at
                            + " must lie inside the run of "
                            + duration
                            + ", at least a period of "
                            + period
                            + " before its end");
        }
    }
}

package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.apache.flink.configuration.Configuration;

import java.time.Duration;
import java.util.Objects;

/**
 * The control loop's own settings, read from {@link ControlOptions}.
 *
 * @param policy the scheduling policy's name
 * @param slo the latency objective, positive
 * @param period the control period, positive
 * @param best the best configuration: ladder top and default of cameras without a policy
 * @param admission the configuration of cameras that have a policy but have not reported yet
 * @param bootstrapServers Kafka of the metrics and policy topics, or null
 * @param metricsTopic the metrics topic
 * @param policyTopic the policy topic
 * @param flinkRest the JobManager's REST address, or null
 */
public record ControlSettings(
        String policy,
        Duration slo,
        Duration period,
        VideoConfig best,
        VideoConfig admission,
        String bootstrapServers,
        String metricsTopic,
        String policyTopic,
        String flinkRest) {

    /** Checks the fields. */
    public ControlSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(metricsTopic, "metricsTopic");
        Objects.requireNonNull(policyTopic, "policyTopic");
        checkPositive(slo, ControlOptions.SLO.key());
        checkPositive(period, ControlOptions.PERIOD.key());
    }

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException naming the option that is missing or out of range
     */
    public static ControlSettings from(Configuration conf) {
        String policy =
                conf.getOptional(ControlOptions.POLICY)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                ControlOptions.POLICY.key()
                                                        + " is required; choose one of "
                                                        + SchedulingPolicies.NAMES));
        VideoConfig best =
                new VideoConfig(
                        conf.get(ControlOptions.MAX_WIDTH),
                        conf.get(ControlOptions.MAX_HEIGHT),
                        conf.get(ControlOptions.MAX_FPS));
        return new ControlSettings(
                policy,
                conf.get(ControlOptions.SLO),
                conf.get(ControlOptions.PERIOD),
                best,
                best.scaled(
                        inRange(conf, ControlOptions.ADMISSION_SCALE, 0, false, 1, true),
                        inRange(conf, ControlOptions.ADMISSION_RATE, 0, false, 1, true)),
                conf.get(ControlOptions.BOOTSTRAP_SERVERS),
                conf.get(ControlOptions.METRICS_TOPIC),
                conf.get(ControlOptions.POLICY_TOPIC),
                conf.get(ControlOptions.FLINK_REST));
    }

    /** The policy of a camera that has none published: the best configuration, no offload. */
    public CameraPolicy defaultPolicy(String cameraId) {
        return CameraPolicy.of(cameraId, best.fps(), best.width(), best.height());
    }

    private static void checkPositive(Duration d, String key) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(key + " is " + d + "; it must be positive");
        }
    }

    /** Reads a double option and checks it lies in [min, max] (bounds inclusive as flagged). */
    static double inRange(
            Configuration conf,
            org.apache.flink.configuration.ConfigOption<Double> option,
            double min,
            boolean minInclusive,
            double max,
            boolean maxInclusive) {
        double v = conf.get(option);
        boolean ok = (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max);
        if (!ok) {
            throw new IllegalArgumentException(
                    option.key()
                            + " is "
                            + v
                            + "; it must be in "
                            + (minInclusive ? "[" : "(")
                            + min
                            + ", "
                            + max
                            + (maxInclusive ? "]" : ")"));
        }
        return v;
    }
}

package dev.flinkedge.scheduler.control;

import static org.apache.flink.configuration.ConfigOptions.key;

import dev.flinkedge.connectors.metrics.MetricsOptions;
import dev.flinkedge.connectors.policy.KafkaPolicyProvider;

import org.apache.flink.configuration.ConfigOption;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of the control loop ({@code flink-edge scheduler start}) and its scheduling policies.
 */
public final class ControlOptions {

    public static final ConfigOption<String> POLICY =
            key("scheduler.policy")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The scheduling policy: fixed, slo-feedback, profile or lifetime."
                                    + " Required.");

    public static final ConfigOption<Duration> SLO =
            key("scheduler.slo")
                    .durationType()
                    .defaultValue(Duration.ofMillis(500))
                    .withDescription(
                            "Latency objective: every camera's p95 end-to-end latency should stay"
                                    + " below it. Must be positive.");

    public static final ConfigOption<Duration> PERIOD =
            key("scheduler.period")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription(
                            "Control period: how often the loop reads metrics and decides; set the"
                                    + " pipelines' metrics.period to the same value. Windows older"
                                    + " than two periods are ignored. Must be positive.");

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            key("scheduler.bootstrap-servers")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Kafka bootstrap servers of the metrics and policy topics.");

    public static final ConfigOption<String> METRICS_TOPIC =
            key("scheduler.metrics-topic")
                    .stringType()
                    .defaultValue(MetricsOptions.DEFAULT_TOPIC)
                    .withDescription("Topic the pipelines publish their metrics windows to.");

    public static final ConfigOption<String> POLICY_TOPIC =
            key("scheduler.policy-topic")
                    .stringType()
                    .defaultValue(KafkaPolicyProvider.DEFAULT_TOPIC)
                    .withDescription(
                            "Compacted topic the loop publishes camera policies to; camera sources"
                                    + " and offload routers follow it.");

    public static final ConfigOption<String> FLINK_REST =
            key("scheduler.flink-rest")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "JobManager REST address (e.g. http://localhost:8081) to read each"
                                    + " site's CPU load from its TaskManagers' Status.JVM.CPU.Load."
                                    + " Without it site loads are unknown.");

    public static final ConfigOption<Integer> MAX_WIDTH =
            key("scheduler.max-width")
                    .intType()
                    .defaultValue(1280)
                    .withDescription(
                            "Width of the best configuration: the top of the ladders, the fixed"
                                    + " policy's choice and the default of cameras without a"
                                    + " published policy.");

    public static final ConfigOption<Integer> MAX_HEIGHT =
            key("scheduler.max-height")
                    .intType()
                    .defaultValue(720)
                    .withDescription("Height of the best configuration.");

    public static final ConfigOption<Double> MAX_FPS =
            key("scheduler.max-fps")
                    .doubleType()
                    .defaultValue(10.0)
                    .withDescription("Frame rate of the best configuration.");

    public static final ConfigOption<Double> ADMISSION_SCALE =
            key("scheduler.admission.scale")
                    .doubleType()
                    .defaultValue(0.5)
                    .withDescription(
                            "Admission: a camera with a published policy that has not reported"
                                    + " metrics yet is held at the best configuration's width and"
                                    + " height times this factor (and its rate times"
                                    + " scheduler.admission.rate) until its first window, so that"
                                    + " cameras joining a loaded site start cheap and the policy"
                                    + " raises them as the SLO allows. 1 with a rate of 1 admits"
                                    + " at the best configuration. In (0, 1].");

    public static final ConfigOption<Double> ADMISSION_RATE =
            key("scheduler.admission.rate")
                    .doubleType()
                    .defaultValue(0.25)
                    .withDescription(
                            "Admission: the best configuration's frame rate times this factor is"
                                    + " the rate of cameras that have not reported metrics yet."
                                    + " In (0, 1].");

    public static final ConfigOption<Double> FEEDBACK_DECREASE_FACTOR =
            key("scheduler.slo-feedback.decrease-factor")
                    .doubleType()
                    .defaultValue(0.5)
                    .withDescription(
                            "slo-feedback: on a violation the cost budget is multiplied by this"
                                    + " factor, or by 0.8 × SLO / p95 when that is smaller. In"
                                    + " (0, 1).");

    public static final ConfigOption<Double> FEEDBACK_INCREASE_STEP =
            key("scheduler.slo-feedback.increase-step")
                    .doubleType()
                    .defaultValue(0.1)
                    .withDescription(
                            "slo-feedback: cost budget (share of the best configuration's pixel"
                                    + " rate) added per increase. In (0, 1].");

    public static final ConfigOption<Double> FEEDBACK_INCREASE_BELOW =
            key("scheduler.slo-feedback.increase-below")
                    .doubleType()
                    .defaultValue(0.7)
                    .withDescription(
                            "slo-feedback: the budget grows only while p95 stays below this share"
                                    + " of the SLO (the hysteresis band). In (0, 1).");

    public static final ConfigOption<Integer> FEEDBACK_INCREASE_AFTER =
            key("scheduler.slo-feedback.increase-after")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "slo-feedback: periods in a row below the band before each increase."
                                    + " At least 1.");

    public static final ConfigOption<Integer> FEEDBACK_HOLD_PERIODS =
            key("scheduler.slo-feedback.hold-periods")
                    .intType()
                    .defaultValue(15)
                    .withDescription(
                            "slo-feedback: for this many periods after a violation the budget does"
                                    + " not grow past 90 % of the budget that violated. 0 turns"
                                    + " the ceiling off.");

    public static final ConfigOption<Double> FEEDBACK_MIN_FPS =
            key("scheduler.slo-feedback.min-fps")
                    .doubleType()
                    .defaultValue(1.0)
                    .withDescription(
                            "slo-feedback: lowest frame rate of the ladder (or the best"
                                    + " configuration's rate if that is lower). Lower it when even"
                                    + " 1 fps per camera is more than the sites can process. > 0.");

    public static final ConfigOption<Double> FEEDBACK_FRAME_COST_SHARE =
            key("scheduler.slo-feedback.frame-cost-share")
                    .doubleType()
                    .defaultValue(0.0)
                    .withDescription(
                            "slo-feedback: share of a frame's processing cost that does not shrink"
                                    + " with its resolution. 0 makes the cost budget the pixel"
                                    + " rate; a detector with a fixed input size (YOLO) costs"
                                    + " nearly the same per frame at any resolution, a share near"
                                    + " 1, so that cuts lower the frame rate first. In [0, 1].");

    public static final ConfigOption<Boolean> FEEDBACK_SITE_COUPLED =
            key("scheduler.slo-feedback.site-coupled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "slo-feedback: each camera follows the worst p95 of the cameras"
                                    + " processed at its site (they share its cores and queue), so"
                                    + " a violation cuts all of them and none raises while a"
                                    + " neighbour violates. false: each camera follows its own"
                                    + " p95.");

    public static final ConfigOption<String> PROFILE_FILE =
            key("scheduler.profile.file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "profile: JSON file with the accuracy and cost of each configuration"
                                    + " (see docs/scheduler.md). Required by the profile policy.");

    public static final ConfigOption<Duration> PROFILE_RELOAD_INTERVAL =
            key("scheduler.profile.reload-interval")
                    .durationType()
                    .defaultValue(Duration.ZERO)
                    .withDescription(
                            "profile: how often to load the profile again, picking up a"
                                    + " re-profiling run's results. 0 loads it once.");

    public static final ConfigOption<Double> PROFILE_LINK_BUDGET =
            key("scheduler.profile.link-budget")
                    .doubleType()
                    .defaultValue(0.8)
                    .withDescription(
                            "profile: share of a link's bandwidth the cameras crossing it may use"
                                    + " together. In (0, 1].");

    public static final ConfigOption<Double> PROFILE_HEADROOM =
            key("scheduler.profile.headroom")
                    .doubleType()
                    .defaultValue(0.9)
                    .withDescription(
                            "profile: a configuration fits when its predicted p95 is below this"
                                    + " share of the SLO. In (0, 1].");

    public static final ConfigOption<Double> LIFETIME_GAIN =
            key("scheduler.lifetime.gain")
                    .doubleType()
                    .defaultValue(0.3)
                    .withDescription(
                            "lifetime: offload fraction moved per period per unit of relative"
                                    + " lifetime difference to the parent site. In (0, 1].");

    public static final ConfigOption<Double> LIFETIME_DEADBAND =
            key("scheduler.lifetime.deadband")
                    .doubleType()
                    .defaultValue(0.05)
                    .withDescription(
                            "lifetime: relative lifetime difference below which a site leaves its"
                                    + " fraction alone. In [0, 1).");

    public static final ConfigOption<Double> LIFETIME_PROBE_FRACTION =
            key("scheduler.lifetime.probe-fraction")
                    .doubleType()
                    .defaultValue(0.1)
                    .withDescription(
                            "lifetime: fraction a site offloads to learn its parent's lifetime"
                                    + " when it has never seen one and its own lifetime exceeds"
                                    + " half the SLO. In [0, 1].");

    private ControlOptions() {}

    /**
     * Checks that every key names an option of this class: what {@code -D} may set.
     *
     * @throws IllegalArgumentException naming the first unknown key and listing the known ones
     */
    public static void checkKnown(Collection<String> keys) {
        Set<String> known = byKey().keySet();
        for (String key : keys) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(
                        "Unknown option -D " + key + "; known: " + new TreeSet<>(known));
            }
        }
    }

    /** Every option of this class by key, in declaration order. */
    static Map<String, ConfigOption<?>> byKey() {
        Map<String, ConfigOption<?>> known = new LinkedHashMap<>();
        for (Field f : ControlOptions.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                try {
                    ConfigOption<?> o = (ConfigOption<?>) f.get(null);
                    known.put(o.key(), o);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("ControlOptions." + f.getName(), e);
                }
            }
        }
        return known;
    }
}

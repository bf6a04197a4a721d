package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.model.CameraPolicy;

import org.apache.flink.configuration.Configuration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code slo-feedback}: keeps each camera's p95 latency under the SLO with an AIMD controller on a
 * cost budget (the share of the best configuration's pixel rate), mapped to resolution and frame
 * rate by a {@link ConfigLadder}. A violation cuts the budget multiplicatively at once (by the
 * decrease factor, or in proportion to the overshoot when that is larger); the budget grows by a
 * small additive step only after p95 stayed below a lower threshold for some periods (hysteresis),
 * and after a violation not past 90 % of the budget that violated for a while, so it does not probe
 * the same overload again and again.
 *
 * <p>Site-coupled (the default): the cameras processed at one site share its cores and its queue,
 * so each camera's signal is the worst p95 among the cameras processed where it is. A violation
 * then cuts every camera of the overloaded site at once, also those that joined cheaply and still
 * look fine, and no camera raises its budget while a neighbour violates.
 */
final class SloFeedbackPolicy implements SchedulingPolicy {

    static final String NAME = "slo-feedback";

    /** Share of the SLO a proportional cut aims at. */
    private static final double CUT_TARGET = 0.8;

    /** A p95 below this share of the last one counts as falling. */
    private static final double IMPROVING = 0.9;

    /** Share of a violating budget the ceiling allows. */
    private static final double CEILING_SHARE = 0.9;

    private final ConfigLadder ladder;
    private final Settings settings;
    private final Map<String, CameraState> cameras = new HashMap<>();
    private long periodIndex;

    SloFeedbackPolicy(ConfigLadder ladder, Settings settings) {
        this.ladder = ladder;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PolicyDecision> decide(ControlInput input) {
        periodIndex++;
        double slo = input.sloMs();
        List<PolicyDecision> decisions = new ArrayList<>();
        Map<String, Double> worstAtSite = new HashMap<>();
        for (String camera : input.policies().keySet()) {
            input.window(camera)
                    .ifPresent(
                            w ->
                                    worstAtSite.merge(
                                            siteOf(input, camera), w.p95LatencyMs(), Math::max));
        }
        for (CameraPolicy current : input.policies().values()) {
            CameraState s =
                    cameras.computeIfAbsent(
                            current.cameraId(),
                            id -> new CameraState(ladder.cost(VideoConfig.of(current))));
            Optional<CameraMetricsWindow> window = input.window(current.cameraId());
            String why;
            if (window.isEmpty()) {
                why = "no recent metrics: hold";
            } else if (settings.siteCoupled) {
                String site = siteOf(input, current.cameraId());
                why = "site " + site + ": " + step(s, worstAtSite.get(site), slo);
            } else {
                why = step(s, window.get().p95LatencyMs(), slo);
            }
            VideoConfig config = ladder.within(s.budget);
            decisions.add(
                    new PolicyDecision(
                            config.applyTo(current),
                            why
                                    + String.format(
                                            Locale.ROOT, "; budget %.2f → %s", s.budget, config)));
        }
        return decisions;
    }

    private static String siteOf(ControlInput input, String camera) {
        return input.processingSite(camera).orElse("?");
    }

    private String step(CameraState s, double p95, double slo) {
        double before = s.budget;
        double previousP95 = s.lastP95;
        boolean cutLastPeriod = s.cutAt == periodIndex - 1;
        s.lastP95 = p95;
        if (p95 > slo && cutLastPeriod && p95 < IMPROVING * previousP95) {
            // The last cut acts within a period, the backlog it left drains in the next: cutting
            // again now would overshoot.
            return String.format(
                    Locale.ROOT,
                    "p95 %.0f ms > SLO %.0f ms but falling from %.0f ms after the last cut: hold",
                    p95,
                    slo,
                    previousP95);
        }
        if (p95 > slo) {
            s.cutAt = periodIndex;
            double cut = Math.min(settings.decreaseFactor, CUT_TARGET * slo / p95);
            s.budget = Math.max(ladder.cost(ladder.cheapest()), before * cut);
            s.goodPeriods = 0;
            if (settings.holdPeriods > 0) {
                s.ceiling = CEILING_SHARE * before;
                s.ceilingUntil = periodIndex + settings.holdPeriods;
            }
            return String.format(
                    Locale.ROOT,
                    "p95 %.0f ms > SLO %.0f ms: cut %.2f → %.2f",
                    p95,
                    slo,
                    before,
                    s.budget);
        }
        if (p95 < settings.increaseBelow * slo) {
            s.goodPeriods++;
            if (s.goodPeriods >= settings.increaseAfter) {
                s.goodPeriods = 0;
                double limit = periodIndex <= s.ceilingUntil ? Math.max(s.ceiling, before) : 1;
                s.budget = Math.min(limit, Math.min(1, before + settings.increaseStep));
                return String.format(
                        Locale.ROOT,
                        "p95 %.0f ms < %.0f ms: raise %.2f → %.2f",
                        p95,
                        settings.increaseBelow * slo,
                        before,
                        s.budget);
            }
            return String.format(
                    Locale.ROOT, "p95 %.0f ms below the band for %d period(s)", p95, s.goodPeriods);
        }
        s.goodPeriods = 0;
        return String.format(Locale.ROOT, "p95 %.0f ms within the band: hold", p95);
    }

    /** One camera's controller state. */
    private static final class CameraState {
        double budget;
        int goodPeriods;
        double lastP95 = Double.NaN;
        long cutAt = Long.MIN_VALUE;
        double ceiling = 1;
        long ceilingUntil;

        CameraState(double budget) {
            this.budget = Math.min(1, budget);
        }
    }

    /**
     * The controller's gains.
     *
     * @param decreaseFactor budget multiplier on a violation, in (0, 1)
     * @param increaseStep budget added per increase, in (0, 1]
     * @param increaseBelow share of the SLO p95 must stay below to increase, in (0, 1)
     * @param increaseAfter periods in a row below it before each increase, at least 1
     * @param holdPeriods periods the post-violation ceiling lasts, at least 0
     * @param siteCoupled whether a camera follows the worst p95 of its processing site
     */
    record Settings(
            double decreaseFactor,
            double increaseStep,
            double increaseBelow,
            int increaseAfter,
            int holdPeriods,
            boolean siteCoupled) {

        static Settings from(Configuration conf) {
            int after = conf.get(ControlOptions.FEEDBACK_INCREASE_AFTER);
            int hold = conf.get(ControlOptions.FEEDBACK_HOLD_PERIODS);
            if (after < 1 || hold < 0) {
                throw new IllegalArgumentException(
                        ControlOptions.FEEDBACK_INCREASE_AFTER.key()
                                + " is "
                                + after
                                + " (must be >= 1) and "
                                + ControlOptions.FEEDBACK_HOLD_PERIODS.key()
                                + " is "
                                + hold
                                + " (must be >= 0)");
            }
            return new Settings(
                    ControlSettings.inRange(
                            conf, ControlOptions.FEEDBACK_DECREASE_FACTOR, 0, false, 1, false),
                    ControlSettings.inRange(
                            conf, ControlOptions.FEEDBACK_INCREASE_STEP, 0, false, 1, true),
                    ControlSettings.inRange(
                            conf, ControlOptions.FEEDBACK_INCREASE_BELOW, 0, false, 1, false),
                    after,
                    hold,
                    conf.get(ControlOptions.FEEDBACK_SITE_COUPLED));
        }
    }
}

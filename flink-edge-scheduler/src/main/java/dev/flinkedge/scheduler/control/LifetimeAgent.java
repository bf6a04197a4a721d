package dev.flinkedge.scheduler.control;

import java.util.Locale;
import java.util.Optional;

/**
 * One site's agent in EStream's decentralised lifetime balancing. Each period it compares the mean
 * lifetime of the packets its site processed with its parent's (the next site on the way to the
 * cloud), and shifts the share of its cameras' frames it forwards to the parent toward equal
 * lifetimes: more when its own packets live longer, fewer when the parent's do. It knows only its
 * own summary and the parent's; there is no central state. Small differences (the deadband) leave
 * the fraction alone, which keeps work at the source when both are alike, as EStream's sources
 * "attract" computation.
 */
final class LifetimeAgent {

    /** CPU load above which a parent is not given more work. */
    private static final double SATURATED = 0.95;

    private final String site;
    private final String parent;
    private final Settings settings;
    private double fraction;
    private double lastParentLifetimeMs = Double.NaN;

    /**
     * @param site the agent's site
     * @param parent the site it offloads to, null for the root (which never offloads)
     * @param initialFraction the fraction its cameras offload now
     */
    LifetimeAgent(String site, String parent, Settings settings, double initialFraction) {
        this.site = site;
        this.parent = parent;
        this.settings = settings;
        this.fraction = parent == null ? 0 : Math.max(0, Math.min(1, initialFraction));
    }

    String site() {
        return site;
    }

    /** The site it offloads to, or null. */
    String parent() {
        return parent;
    }

    /** The current share of its cameras' frames sent to the parent. */
    double fraction() {
        return fraction;
    }

    /**
     * One period.
     *
     * @param own this site's summary
     * @param parentSummary the parent's summary, if it sent one
     * @param sloMs the latency objective, for deciding when to probe an unknown parent
     * @return why the fraction is what it is now
     */
    String step(SiteSummary own, Optional<SiteSummary> parentSummary, double sloMs) {
        if (parent == null) {
            return "root site: processes everything itself";
        }
        parentSummary
                .filter(SiteSummary::hasLifetime)
                .ifPresent(p -> lastParentLifetimeMs = p.meanLifetimeMs());
        double before = fraction;
        double mine = own.hasLifetime() ? own.meanLifetimeMs() : Double.NaN;
        double theirs = lastParentLifetimeMs;
        if (Double.isNaN(mine)) {
            if (fraction >= 1) {
                fraction = Math.max(0, 1 - settings.gain);
                return String.format(
                        Locale.ROOT, "nothing processed locally: keep %.2f here", 1 - fraction);
            }
            return "no local lifetime yet: hold";
        }
        if (Double.isNaN(theirs)) {
            if (mine > sloMs / 2 && fraction < settings.probeFraction) {
                fraction = settings.probeFraction;
                return String.format(
                        Locale.ROOT,
                        "lifetime %.0f ms, parent '%s' unknown: probe with %.2f",
                        mine,
                        parent,
                        fraction);
            }
            return String.format(Locale.ROOT, "lifetime %.0f ms, parent unknown: hold", mine);
        }
        double diff = (mine - theirs) / Math.max(mine, theirs);
        String compare =
                String.format(
                        Locale.ROOT,
                        "lifetime %.0f ms here vs %.0f ms at '%s'",
                        mine,
                        theirs,
                        parent);
        if (Math.abs(diff) <= settings.deadband) {
            return compare + ": balanced, hold " + fmt(fraction);
        }
        boolean saturated = parentSummary.map(p -> p.cpuLoad() >= SATURATED).orElse(false);
        if (diff > 0 && saturated) {
            return compare + ": parent saturated, hold " + fmt(fraction);
        }
        fraction = Math.max(0, Math.min(1, fraction + settings.gain * diff));
        return compare + ": offload " + fmt(before) + " → " + fmt(fraction);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * The agents' gains.
     *
     * @param gain fraction moved per unit of relative lifetime difference, in (0, 1]
     * @param deadband relative difference left alone, in [0, 1)
     * @param probeFraction fraction offloaded to learn an unknown parent's lifetime, in [0, 1]
     */
    record Settings(double gain, double deadband, double probeFraction) {}
}

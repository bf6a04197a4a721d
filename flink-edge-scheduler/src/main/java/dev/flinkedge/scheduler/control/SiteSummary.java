package dev.flinkedge.scheduler.control;

import java.util.Locale;
import java.util.Objects;

/**
 * What a site tells its neighbours each period in lifetime balancing: how many packets (frames) it
 * processed, their mean lifetime (capture to result, transfer and queueing included), and its CPU
 * load. The only thing a {@link LifetimeAgent} knows about another site.
 *
 * @param site the site
 * @param frames frames it processed in the period, {@code >= 0}
 * @param meanLifetimeMs their mean lifetime; NaN when {@code frames} is 0
 * @param cpuLoad CPU load in [0, 1], NaN when unknown
 */
public record SiteSummary(String site, long frames, double meanLifetimeMs, double cpuLoad) {

    /** Checks the fields. */
    public SiteSummary {
        Objects.requireNonNull(site, "site");
        if (frames < 0 || (frames > 0 && !(meanLifetimeMs >= 0))) {
            throw new IllegalArgumentException(
                    "Summary of site '"
                            + site
                            + "': "
                            + frames
                            + " frames with mean lifetime "
                            + meanLifetimeMs
                            + " ms");
        }
    }

    /** Whether the site processed packets, so that its lifetime is known. */
    public boolean hasLifetime() {
        return frames > 0;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s{%d frames, %.0f ms, cpu %.2f}",
                site,
                frames,
                meanLifetimeMs,
                cpuLoad);
    }
}

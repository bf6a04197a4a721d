package dev.flinkedge.scheduler.control;

import java.util.Map;

/** The CPU load of each site now, in [0, 1]; sites whose load is unknown are absent. */
@FunctionalInterface
public interface SiteLoadSource {

    /** No loads known. */
    SiteLoadSource NONE = Map::of;

    /** Site id → CPU load. */
    Map<String, Double> current();
}

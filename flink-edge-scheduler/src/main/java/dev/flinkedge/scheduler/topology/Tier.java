package dev.flinkedge.scheduler.topology;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The level of a site in the edge tree: devices (cameras, sensors) at the leaves, edge sites
 * (access points, routers) in between, the cloud data centre at the root. A site's tier is never
 * above its parent's.
 */
public enum Tier {
    DEVICE(0),
    EDGE(1),
    CLOUD(2);

    private final int level;

    Tier(int level) {
        this.level = level;
    }

    /** The name used in topology files: {@code device}, {@code edge} or {@code cloud}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this tier lies above {@code other} (cloud above edge above device). */
    public boolean isAbove(Tier other) {
        return level > other.level;
    }

    /**
     * Reads a tier from its topology-file name.
     *
     * @param text {@code device}, {@code edge} or {@code cloud}, in any case
     * @return the tier
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static Tier parse(String text) {
        for (Tier tier : values()) {
            if (tier.yamlName().equalsIgnoreCase(text)) {
                return tier;
            }
        }
        throw new IllegalArgumentException(
                "unknown tier '"
                        + text
                        + "'; use one of "
                        + Arrays.stream(values())
                                .map(Tier::yamlName)
                                .collect(Collectors.joining(", ")));
    }
}

package dev.flinkedge.registry.access;

import java.util.Objects;

/**
 * The product's topics that are not stream topics: the registry's log, the camera policies and the
 * pipeline metrics.
 */
public record ProductTopics(String registry, String policies, String metrics) {

    public ProductTopics {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(metrics, "metrics");
    }
}

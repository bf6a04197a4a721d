package dev.flinkedge.scheduler.control;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An accuracy-versus-cost profile: one {@link ProfileEntry} per configuration, measured against
 * ground truth by running the pipeline's models over a labelled scene at each configuration. Load
 * one with {@link ProfileLoader}; the jobs module produces them with the real models.
 *
 * @param description what the profile was measured on, e.g. {@code synthetic scene, yolov8n}
 * @param entries the configurations, at least one, no configuration twice
 */
public record Profile(String description, List<ProfileEntry> entries) {

    /** Checks and copies the entries. */
    public Profile {
        Objects.requireNonNull(description, "description");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("A profile needs at least one configuration");
        }
        Set<VideoConfig> seen = new HashSet<>();
        for (ProfileEntry e : entries) {
            if (!seen.add(e.config())) {
                throw new IllegalArgumentException(
                        "Profile lists configuration " + e.config() + " twice");
            }
        }
    }

    /** The entry of exactly {@code config}, if profiled. */
    public Optional<ProfileEntry> entry(VideoConfig config) {
        return entries.stream().filter(e -> e.config().equals(config)).findFirst();
    }

    /** The most accurate entry; the cheaper one on a tie. */
    public ProfileEntry mostAccurate() {
        return entries.stream().max(ProfilePolicy.BETTER).orElseThrow();
    }
}

package dev.flinkedge.jobs.traffic;

import java.io.Serializable;
import java.util.Objects;

/**
 * How many vehicle sightings of one type a window had.
 *
 * @param type detector class
 * @param vehicles sightings, at least 1
 */
public record TypeCount(String type, int vehicles) implements Serializable {

    public TypeCount {
        Objects.requireNonNull(type, "type");
        if (vehicles < 1) {
            throw new IllegalArgumentException(
                    "vehicles of " + type + " must be >= 1 but was " + vehicles);
        }
    }
}

package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.model.GeoPoint;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named area (a road, a junction) with its centre: the left side of {@code LeftUnion(areas,
 * counts)}, which groups the cameras within a radius of the centre.
 *
 * @param id area name: letters, digits and {@code _ . -}
 * @param centre the area's geometric centre
 */
public record Area(String id, GeoPoint centre) implements Serializable {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern SPEC =
            Pattern.compile("\\s*([^@\\s]+)\\s*@\\s*([-+0-9.eE]+)\\s*,\\s*([-+0-9.eE]+)\\s*");

    public Area {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "Area id '" + id + "' does not match " + ID.pattern());
        }
        Objects.requireNonNull(centre, "centre");
    }

    /**
     * Parses {@code NAME@LAT,LON}, e.g. {@code ring-road@48.137,11.575}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Area parse(String text) {
        Matcher m = SPEC.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Area '" + text + "' is not NAME@LAT,LON, e.g." + " ring-road@48.137,11.575");
        }
        try {
            return new Area(
                    m.group(1),
                    new GeoPoint(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Area '" + text + "' has a malformed latitude or" + " longitude", e);
        }
    }

    /** Parses each of {@code texts}; see {@link #sorted}. */
    public static List<Area> parseAll(List<String> texts) {
        return sorted(texts.stream().map(Area::parse).toList());
    }

    /**
     * {@code areas} sorted by id.
     *
     * @throws IllegalArgumentException if there are none or two share an id
     */
    public static List<Area> sorted(List<Area> areas) {
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("An area set needs at least one area");
        }
        List<Area> out = new ArrayList<>(areas);
        out.sort(Comparator.comparing(Area::id));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).id.equals(out.get(i - 1).id)) {
                throw new IllegalArgumentException("Area '" + out.get(i).id + "' is defined twice");
            }
        }
        return List.copyOf(out);
    }

    /** The {@code NAME@LAT,LON} form {@link #parse} reads. */
    public String format() {
        return id + "@" + centre.lat() + "," + centre.lon();
    }
}

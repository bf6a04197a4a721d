package dev.flinkedge.scheduler.topology;

import dev.flinkedge.connectors.model.GeoPoint;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One node of the edge tree: a device, an edge site or the cloud, with the compute it offers.
 *
 * @param id unique name; letters, digits, '-' and '_' (it names TaskManagers, Flink external
 *     resources and directories)
 * @param tier device, edge or cloud
 * @param parent the id of the parent site, {@code null} for the root
 * @param location where the site stands
 * @param slots task slots its TaskManagers offer, at least 0
 * @param cpu CPU cores it offers, at least 0
 */
public record Site(String id, Tier tier, String parent, GeoPoint location, int slots, double cpu) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** Checks every field; messages name the site and the bad value. */
    public Site {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "site id '"
                            + id
                            + "' is not valid; use letters,"
                            + " digits, '-' and '_', starting with a letter or digit");
        }
        Objects.requireNonNull(tier, () -> "site '" + id + "': tier");
        Objects.requireNonNull(location, () -> "site '" + id + "': location");
        if (parent != null && parent.isBlank()) {
            throw new IllegalArgumentException(
                    "site '"
                            + id
                            + "': parent is blank; name a site"
                            + " or leave parent out for the root");
        }
        if (slots < 0) {
            throw new IllegalArgumentException(
                    "site '" + id + "': slots is " + slots + "; it must be 0 or more");
        }
        if (!(cpu >= 0) || Double.isInfinite(cpu)) {
            throw new IllegalArgumentException(
                    "site '" + id + "': cpu is " + cpu + "; it must be a finite number, 0 or more");
        }
    }

    /**
     * Whether operators can run here: an edge or cloud site with at least one slot. Such a site
     * gets TaskManagers that declare it as a Flink external resource; devices and sites without
     * slots only forward data.
     */
    public boolean hostsTasks() {
        return tier != Tier.DEVICE && slots > 0;
    }

    /** Whether this site has no parent. */
    public boolean isRoot() {
        return parent == null;
    }
}

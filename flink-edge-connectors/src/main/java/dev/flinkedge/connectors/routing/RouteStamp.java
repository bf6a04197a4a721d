package dev.flinkedge.connectors.routing;

import dev.flinkedge.connectors.model.StageTimes;

import org.apache.flink.annotation.PublicEvolving;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an {@link OffloadRouter} sent a frame, written into the frame's {@link StageTimes} as a
 * stage named {@code route:<from>><to>:<bytes>:<sequence>} and stamped with the routing time.
 * Records derived from the frame inherit its stage times, so the metrics at the end of a pipeline
 * know for every result which site processed it, which link its frame crossed with how many bytes,
 * and the frame's sequence number (which {@code EdgeRecord} itself does not carry).
 *
 * <pre>{@code
 * RouteStamp s = new RouteStamp("edge-1", "cloud", 153_600, 42);
 * s.stage();                                  // "route:edge-1>cloud:153600:42"
 * RouteStamp.last(record.stageTimes());       // Optional[s] once the router stamped it
 * }</pre>
 *
 * @param from the site the router runs at (where the camera's frames enter)
 * @param to the site that processes the frame; {@code from} when it stays local
 * @param bytes bytes shipped over the link {@code from → to}; 0 when the frame stays local
 * @param sequence the frame's sequence number
 */
@PublicEvolving
public record RouteStamp(String from, String to, long bytes, long sequence) {

    /** Prefix of the stage names of route stamps. */
    public static final String PREFIX = "route:";

    /** Checks the fields; site ids must not contain the separators ':' and '>'. */
    public RouteStamp {
        checkSite(from, "from");
        checkSite(to, "to");
        if (bytes < 0 || sequence < 0) {
            throw new IllegalArgumentException(
                    "RouteStamp bytes " + bytes + " and sequence " + sequence + " must be >= 0");
        }
        if (from.equals(to) && bytes != 0) {
            throw new IllegalArgumentException(
                    "RouteStamp of a frame kept at '"
                            + from
                            + "' ships "
                            + bytes
                            + " bytes; a local frame ships 0");
        }
    }

    /** A frame processed where it entered: nothing shipped. */
    public static RouteStamp local(String site, long sequence) {
        return new RouteStamp(site, site, 0, sequence);
    }

    /** Whether the frame crossed a link. */
    public boolean shipped() {
        return !from.equals(to);
    }

    /** The link the frame crossed, {@code from>to}, as metrics name links. */
    public String link() {
        return from + ">" + to;
    }

    /** The stage name this stamp is written as. */
    public String stage() {
        return PREFIX + from + ">" + to + ":" + bytes + ":" + sequence;
    }

    /**
     * Reads a stage name written by {@link #stage()}.
     *
     * @return the stamp, or empty for any other stage name (including malformed route stages)
     */
    public static Optional<RouteStamp> parse(String stage) {
        if (stage == null || !stage.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = stage.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        String[] sites = parts[0].split(">", -1);
        if (sites.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new RouteStamp(
                            sites[0],
                            sites[1],
                            Long.parseLong(parts[1]),
                            Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Every route stamp in {@code times}, in stamp order (a frame may be routed twice). */
    public static List<RouteStamp> all(StageTimes times) {
        List<RouteStamp> result = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            parse(times.stage(i)).ifPresent(result::add);
        }
        return result;
    }

    /** The newest route stamp in {@code times}: where the record was processed. */
    public static Optional<RouteStamp> last(StageTimes times) {
        for (int i = times.size() - 1; i >= 0; i--) {
            Optional<RouteStamp> stamp = parse(times.stage(i));
            if (stamp.isPresent()) {
                return stamp;
            }
        }
        return Optional.empty();
    }

    private static void checkSite(String site, String field) {
        Objects.requireNonNull(site, field);
        if (site.isBlank() || site.indexOf(':') >= 0 || site.indexOf('>') >= 0) {
            throw new IllegalArgumentException(
                    "RouteStamp "
                            + field
                            + " site '"
                            + site
                            + "' must be non-blank and contain neither ':' nor '>'");
        }
    }
}

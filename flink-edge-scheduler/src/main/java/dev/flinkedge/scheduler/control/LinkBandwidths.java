package dev.flinkedge.scheduler.control;

import dev.flinkedge.scheduler.topology.Link;
import dev.flinkedge.scheduler.topology.Topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The bandwidth each link offers now, by unordered site pair: the topology's nominal values,
 * replaced where a measurement or an emulated link says otherwise. Immutable.
 *
 * <pre>{@code
 * LinkBandwidths now = LinkBandwidths.nominal(topology).with("edge-1", "cloud", 10);
 * now.pathMbps(topology, "edge-1", "cloud");   // 10.0, the bottleneck on the tree path
 * }</pre>
 */
public final class LinkBandwidths {

    private static final LinkBandwidths NONE = new LinkBandwidths(Map.of());

    private final Map<String, Double> mbps;

    private LinkBandwidths(Map<String, Double> mbps) {
        this.mbps = Map.copyOf(mbps);
    }

    /** No known links: every path is unconstrained. */
    public static LinkBandwidths none() {
        return NONE;
    }

    /** The bandwidths the topology declares. */
    public static LinkBandwidths nominal(Topology topology) {
        Map<String, Double> m = new HashMap<>();
        for (Link link : topology.links()) {
            m.put(key(link.from(), link.to()), link.bandwidthMbps());
        }
        return new LinkBandwidths(m);
    }

    /** A copy where the link between {@code a} and {@code b} offers {@code bandwidthMbps}. */
    public LinkBandwidths with(String a, String b, double bandwidthMbps) {
        if (!(bandwidthMbps > 0)) {
            throw new IllegalArgumentException(
                    "Bandwidth of link "
                            + a
                            + "-"
                            + b
                            + " is "
                            + bandwidthMbps
                            + " Mbit/s; it must be > 0");
        }
        Map<String, Double> m = new HashMap<>(mbps);
        m.put(key(a, b), bandwidthMbps);
        return new LinkBandwidths(m);
    }

    /** The bandwidth of the direct link between {@code a} and {@code b}, if known. */
    public OptionalDouble mbps(String a, String b) {
        Double v = mbps.get(key(a, b));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * The bottleneck bandwidth on the tree path between two sites: the smallest known bandwidth of
     * the links from {@code a} up to their lowest common ancestor and down to {@code b}.
     *
     * @return empty when the sites are equal or no link on the path is known
     */
    public OptionalDouble pathMbps(Topology topology, String a, String b) {
        double min = Double.POSITIVE_INFINITY;
        for (String[] hop : TreePaths.hops(topology, a, b)) {
            OptionalDouble link = mbps(hop[0], hop[1]);
            if (link.isPresent()) {
                min = Math.min(min, link.getAsDouble());
            }
        }
        return Double.isInfinite(min) ? OptionalDouble.empty() : OptionalDouble.of(min);
    }

    private static String key(String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    @Override
    public String toString() {
        return "LinkBandwidths" + mbps;
    }
}

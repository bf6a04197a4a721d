package dev.flinkedge.scheduler.placement;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Tier;
import dev.flinkedge.scheduler.topology.Topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The devices of a topology by id: which site each one is attached to and where it stands.
 * Immutable; devices are kept sorted by id.
 */
public final class DeviceSites {

    private final Topology topology;
    private final SortedMap<String, Device> devices;

    private DeviceSites(Topology topology, SortedMap<String, Device> devices) {
        this.topology = topology;
        this.devices = Collections.unmodifiableSortedMap(devices);
    }

    /**
     * Indexes devices and checks them against the topology.
     *
     * @param topology the tree the devices are attached to
     * @param devices the devices, ids unique
     * @return the index
     * @throws IllegalArgumentException when an id repeats or a device names an unknown site
     */
    public static DeviceSites of(Topology topology, Collection<Device> devices) {
        SortedMap<String, Device> byId = new TreeMap<>();
        for (Device device : devices) {
            if (!topology.contains(device.site())) {
                throw new IllegalArgumentException(
                        "device '"
                                + device.id()
                                + "' is attached to"
                                + " site '"
                                + device.site()
                                + "', which is not in the topology; attach it"
                                + " to one of: "
                                + String.join(
                                        ", ",
                                        topology.sites().stream()
                                                .map(s -> s.id())
                                                .sorted()
                                                .toList()));
            }
            if (byId.putIfAbsent(device.id(), device) != null) {
                throw new IllegalArgumentException(
                        "device '"
                                + device.id()
                                + "' is listed twice;"
                                + " list every device once");
            }
        }
        return new DeviceSites(topology, byId);
    }

    /**
     * The devices a topology lists as sites of tier {@code device}, each attached to its own site
     * (the planner runs their work at the nearest site above that hosts tasks).
     *
     * @param topology the tree
     * @return one device per device site, with the site's id and location
     */
    public static DeviceSites ofTopology(Topology topology) {
        List<Device> devices = new ArrayList<>();
        for (Site site : topology.sitesOfTier(Tier.DEVICE)) {
            devices.add(new Device(site.id(), site.id(), site.location()));
        }
        return of(topology, devices);
    }

    /**
     * The topology's device sites plus devices that stand at the given locations, each attached to
     * the nearest site that hosts tasks below the root (an edge site), or to the root when no other
     * site does: how the cameras of a catalog join a topology that does not list them. A device
     * site of the topology with the same id wins over a located device.
     *
     * @param topology the tree
     * @param located device id to where the device stands
     * @return the devices
     */
    public static DeviceSites nearest(Topology topology, Map<String, GeoPoint> located) {
        List<Site> hosts =
                topology.sites().stream().filter(s -> s.hostsTasks() && !s.isRoot()).toList();
        if (hosts.isEmpty()) {
            hosts = topology.sites().stream().filter(Site::isRoot).toList();
        }
        Map<String, Device> devices = new TreeMap<>();
        for (Map.Entry<String, GeoPoint> e : located.entrySet()) {
            GeoPoint at = e.getValue();
            Site nearest =
                    hosts.stream()
                            .min(
                                    Comparator.comparingDouble(
                                                    (Site s) -> s.location().distanceMetres(at))
                                            .thenComparing(Site::id))
                            .orElseThrow();
            devices.put(e.getKey(), new Device(e.getKey(), nearest.id(), at));
        }
        ofTopology(topology).all().forEach(d -> devices.put(d.id(), d));
        return of(topology, devices.values());
    }

    /**
     * The devices of these ids, on the same topology.
     *
     * @throws IllegalArgumentException naming the first unknown id
     */
    public DeviceSites only(Collection<String> ids) {
        List<Device> subset = new ArrayList<>();
        for (String id : new TreeSet<>(ids)) {
            subset.add(device(id));
        }
        return of(topology, subset);
    }

    /** The topology the devices are attached to. */
    public Topology topology() {
        return topology;
    }

    /** Every device, sorted by id. */
    public List<Device> all() {
        return List.copyOf(devices.values());
    }

    /**
     * The device of this id.
     *
     * @throws IllegalArgumentException when no device has this id
     */
    public Device device(String id) {
        Device device = devices.get(id);
        if (device == null) {
            throw new IllegalArgumentException(
                    "device '"
                            + id
                            + "' is not known; add it (with"
                            + " its site and location) to the DeviceSites given to the planner");
        }
        return device;
    }
}

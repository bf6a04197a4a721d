package dev.flinkedge.scheduler.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.flinkedge.connectors.model.GeoPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@link Topology} from YAML. Every entry is checked strictly: unknown fields, missing
 * fields and wrong types are errors that name the entry ({@code sites[2] (edge-3)}) and the field.
 *
 * <pre>{@code
 * sites:
 *   - {id: cloud, tier: cloud, location: {lat: 48.14, lon: 11.58}, slots: 4, cpu: 8}
 *   - {id: edge-1, tier: edge, parent: cloud, location: {lat: 48.15, lon: 11.56}, slots: 2, cpu: 2}
 * links:
 *   - {from: cloud, to: edge-1, latencyMs: 8, bandwidthMbps: 1000}
 * }</pre>
 *
 * <p>{@code slots} and {@code cpu} may be left out on device sites (they default to 0).
 */
public final class TopologyLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_FIELDS = Set.of("sites", "links");
    private static final Set<String> SITE_FIELDS =
            Set.of("id", "tier", "parent", "location", "slots", "cpu");
    private static final Set<String> LOCATION_FIELDS = Set.of("lat", "lon");
    private static final Set<String> LINK_FIELDS =
            Set.of("from", "to", "latencyMs", "bandwidthMbps");

    private TopologyLoader() {}

    /**
     * Loads a topology file.
     *
     * @param file a YAML file
     * @return the validated topology
     * @throws InvalidTopologyException when the file is missing, not YAML or not a valid topology;
     *     the message starts with the file name
     */
    public static Topology load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidTopologyException(
                    "topology file "
                            + file.toAbsolutePath()
                            + " does not exist; pass an existing file, e.g. conf/topology-default.yaml",
                    e);
        } catch (IOException e) {
            throw new InvalidTopologyException(
                    "cannot read topology file " + file.toAbsolutePath() + ": " + e.getMessage(),
                    e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses topology YAML.
     *
     * @param yaml the document
     * @param source names the document in error messages (a file name)
     * @return the validated topology
     * @throws InvalidTopologyException naming {@code source} and the bad entry
     */
    public static Topology parse(String yaml, String source) {
        try {
            JsonNode root = readTree(yaml, source);
            List<Site> sites = new ArrayList<>();
            JsonNode siteNodes = root.get("sites");
            if (siteNodes == null || !siteNodes.isArray()) {
                throw new InvalidTopologyException(
                        "missing 'sites:' list; add one entry per"
                                + " site with id, tier, location, slots and cpu");
            }
            for (int i = 0; i < siteNodes.size(); i++) {
                sites.add(site(siteNodes.get(i), i));
            }
            List<Link> links = new ArrayList<>();
            JsonNode linkNodes = root.get("links");
            if (linkNodes != null && !linkNodes.isNull()) {
                if (!linkNodes.isArray()) {
                    throw new InvalidTopologyException(
                            "'links' must be a list of" + " {from, to, latencyMs, bandwidthMbps}");
                }
                for (int i = 0; i < linkNodes.size(); i++) {
                    links.add(link(linkNodes.get(i), i));
                }
            }
            return Topology.of(sites, links);
        } catch (InvalidTopologyException e) {
            throw new InvalidTopologyException(source + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readTree(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidTopologyException(
                    "not valid YAML: "
                            + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"),
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidTopologyException("expected a mapping with 'sites' and 'links'");
        }
        checkFields(root, TOP_FIELDS, "the top level");
        return root;
    }

    private static Site site(JsonNode node, int index) {
        String where = "sites[" + index + "]";
        if (!node.isObject()) {
            throw new InvalidTopologyException(
                    where
                            + " is not a mapping; write"
                            + " {id, tier, parent, location, slots, cpu}");
        }
        String id = text(node, "id", where);
        where = where + " (" + id + ")";
        checkFields(node, SITE_FIELDS, where);
        Tier tier;
        try {
            tier = Tier.parse(text(node, "tier", where));
        } catch (IllegalArgumentException e) {
            throw new InvalidTopologyException(where + ": " + e.getMessage(), e);
        }
        JsonNode parentNode = node.get("parent");
        String parent =
                parentNode == null || parentNode.isNull() ? null : text(node, "parent", where);
        GeoPoint location = location(required(node, "location", where), where);
        boolean device = tier == Tier.DEVICE;
        int slots = device && !node.has("slots") ? 0 : integer(node, "slots", where);
        double cpu = device && !node.has("cpu") ? 0 : number(node, "cpu", where);
        try {
            return new Site(id, tier, parent, location, slots, cpu);
        } catch (IllegalArgumentException e) {
            throw new InvalidTopologyException(where + ": " + e.getMessage(), e);
        }
    }

    private static GeoPoint location(JsonNode node, String where) {
        String field = where + ".location";
        if (!node.isObject()) {
            throw new InvalidTopologyException(field + " must be a mapping {lat, lon}");
        }
        checkFields(node, LOCATION_FIELDS, field);
        try {
            return new GeoPoint(number(node, "lat", field), number(node, "lon", field));
        } catch (IllegalArgumentException e) {
            throw new InvalidTopologyException(field + ": " + e.getMessage(), e);
        }
    }

    private static Link link(JsonNode node, int index) {
        String where = "links[" + index + "]";
        if (!node.isObject()) {
            throw new InvalidTopologyException(
                    where + " is not a mapping; write" + " {from, to, latencyMs, bandwidthMbps}");
        }
        checkFields(node, LINK_FIELDS, where);
        String from = text(node, "from", where);
        String to = text(node, "to", where);
        try {
            return new Link(
                    from,
                    to,
                    number(node, "latencyMs", where),
                    number(node, "bandwidthMbps", where));
        } catch (IllegalArgumentException e) {
            throw new InvalidTopologyException(where + ": " + e.getMessage(), e);
        }
    }

    private static void checkFields(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidTopologyException(
                        where
                                + ": unknown field '"
                                + name
                                + "'; known fields: "
                                + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidTopologyException(where + ": missing field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isTextual() && !value.isNumber()) {
            throw new InvalidTopologyException(where + ": '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isNumber()) {
            throw new InvalidTopologyException(
                    where + ": '" + field + "' must be a number, not '" + value.asText() + "'");
        }
        return value.doubleValue();
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidTopologyException(
                    where
                            + ": '"
                            + field
                            + "' must be a whole number,"
                            + " not '"
                            + value.asText()
                            + "'");
        }
        return value.intValue();
    }
}

package dev.flinkedge.connectors.source.camera;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.flinkedge.registry.model.SourceSpec;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cameras a deployment knows, by id, each with its location and {@link CameraSpec}. A RAW
 * stream names its devices or its areas; the catalog turns either into the cameras to read ({@link
 * #resolve}). Loadable from a small YAML or JSON file:
 *
 * <pre>{@code
 * cameras:
 *   - id: cam-1
 *     location: {lat: 51.5010, lon: -0.1416}
 *     spec: {kind: SYNTHETIC, seed: 1, fps: 10, width: 1280, height: 720}
 *   - id: cam-2
 *     location: {lat: 51.5033, lon: -0.1196}
 *     spec: {kind: VIDEO_FILE, uri: /data/bridge.mp4, loop: true}
 * }</pre>
 *
 * Immutable; cameras are kept sorted by id.
 */
@PublicEvolving
public final class DeviceCatalog implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, CameraDevice> cameras;

    private DeviceCatalog(Map<String, CameraDevice> cameras) {
        this.cameras = cameras;
    }

    /**
     * A catalog of {@code devices}.
     *
     * @throws IllegalArgumentException if two devices share an id
     */
    public static DeviceCatalog of(Collection<CameraDevice> devices) {
        Map<String, CameraDevice> byId = new TreeMap<>();
        for (CameraDevice d : devices) {
            if (byId.put(d.id(), d) != null) {
                throw new IllegalArgumentException(
                        "Camera id '"
                                + d.id()
                                + "' appears twice in the catalog; ids must be unique");
            }
        }
        return new DeviceCatalog(byId);
    }

    /**
     * Reads a catalog file: YAML unless the name ends in {@code .json}.
     *
     * @throws IOException if the file is missing or malformed; the message names the file and, for
     *     a bad entry, the field
     */
    public static DeviceCatalog load(Path file) throws IOException {
        Preconditions.checkNotNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    "Device catalog "
                            + file.toAbsolutePath()
                            + " does not exist or"
                            + " is not a file");
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper =
                json
                        ? JsonMapper.builder()
                                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                .build()
                        : YAMLMapper.builder()
                                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                .build();
        CatalogFile parsed;
        try {
            parsed = mapper.readValue(file.toFile(), CatalogFile.class);
        } catch (IOException e) {
            throw new IOException(
                    "Cannot read device catalog " + file.toAbsolutePath() + ": " + e.getMessage(),
                    e);
        }
        if (parsed == null || parsed.cameras() == null) {
            throw new IOException(
                    "Device catalog " + file.toAbsolutePath() + " has no 'cameras' list");
        }
        try {
            return of(parsed.cameras());
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    "Invalid device catalog " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** All cameras, sorted by id. */
    public List<CameraDevice> devices() {
        return List.copyOf(cameras.values());
    }

    /** The camera with {@code id}, or null. */
    public CameraDevice get(String id) {
        return cameras.get(id);
    }

    /**
     * The cameras with the given ids, in the given order.
     *
     * @throws IllegalArgumentException naming the ids the catalog does not know
     */
    public List<CameraDevice> select(List<String> ids) {
        List<CameraDevice> out = new ArrayList<>(ids.size());
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            CameraDevice d = cameras.get(id);
            if (d == null) {
                unknown.add(id);
            } else {
                out.add(d);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "Device catalog has no camera "
                            + unknown
                            + "; known cameras: "
                            + cameras.keySet());
        }
        return out;
    }

    /** The cameras inside {@code areas}, sorted by id. */
    public List<CameraDevice> selectInside(AreaFilter areas) {
        return cameras.values().stream().filter(d -> areas.admits(d.location())).toList();
    }

    /**
     * The cameras of a RAW stream's source: its device list, or every camera inside its areas.
     *
     * @throws IllegalArgumentException if the device list names unknown cameras
     */
    public List<CameraDevice> resolve(SourceSpec source) {
        return source.devices().isEmpty()
                ? selectInside(AreaFilter.of(source.areas()))
                : select(source.devices());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceCatalog c && cameras.equals(c.cameras);
    }

    @Override
    public int hashCode() {
        return cameras.hashCode();
    }

    @Override
    public String toString() {
        return "DeviceCatalog" + cameras.keySet();
    }

    /** The file layout: a list of cameras. */
    private record CatalogFile(List<CameraDevice> cameras) {}
}

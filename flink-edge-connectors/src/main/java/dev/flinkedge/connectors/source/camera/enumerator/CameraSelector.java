package dev.flinkedge.connectors.source.camera.enumerator;

import dev.flinkedge.connectors.source.camera.AreaFilter;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.DeviceCatalog;
import dev.flinkedge.registry.model.SourceSpec;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * Chooses the cameras a camera source reads: a fixed list, named devices of a catalog (device-based
 * raw stream), or every catalog camera inside some areas (range-based raw stream). The enumerator
 * calls {@link #select()} at start and, with discovery on, periodically, so cameras added to a
 * catalog file later join the stream.
 */
@PublicEvolving
public interface CameraSelector extends Serializable {

    /**
     * The cameras to read now. May do I/O; runs in the enumerator's worker thread.
     *
     * @throws IOException if the catalog cannot be read
     */
    List<CameraDevice> select() throws IOException;

    /** Exactly these cameras. */
    static CameraSelector cameras(List<CameraDevice> cameras) {
        Preconditions.checkNotNull(cameras, "cameras");
        DeviceCatalog catalog = DeviceCatalog.of(cameras);
        List<String> ids = cameras.stream().map(CameraDevice::id).toList();
        return new CatalogDeviceSelector(() -> catalog, ids);
    }

    /** The named cameras of {@code catalog}; unknown ids fail the selection. */
    static CameraSelector devices(DeviceCatalog catalog, List<String> ids) {
        Preconditions.checkNotNull(catalog, "catalog");
        return new CatalogDeviceSelector(() -> catalog, ids);
    }

    /** The named cameras of the catalog file, read again at every selection. */
    static CameraSelector devices(Path catalogFile, List<String> ids) {
        String file = catalogFile.toString();
        return new CatalogDeviceSelector(() -> DeviceCatalog.load(Path.of(file)), ids);
    }

    /** Every camera of {@code catalog} inside {@code areas}. */
    static CameraSelector inside(DeviceCatalog catalog, AreaFilter areas) {
        Preconditions.checkNotNull(catalog, "catalog");
        return new CatalogAreaSelector(() -> catalog, areas);
    }

    /** Every camera of the catalog file inside {@code areas}, read again at every selection. */
    static CameraSelector inside(Path catalogFile, AreaFilter areas) {
        String file = catalogFile.toString();
        return new CatalogAreaSelector(() -> DeviceCatalog.load(Path.of(file)), areas);
    }

    /** The cameras of a RAW stream's source (devices or areas) in {@code catalog}. */
    static CameraSelector forSource(DeviceCatalog catalog, SourceSpec source) {
        Preconditions.checkNotNull(source, "source");
        return source.devices().isEmpty()
                ? inside(catalog, AreaFilter.of(source.areas()))
                : devices(catalog, source.devices());
    }

    /** Where a selector gets its catalog from. */
    @FunctionalInterface
    interface CatalogSource extends Serializable {
        DeviceCatalog load() throws IOException;
    }
}

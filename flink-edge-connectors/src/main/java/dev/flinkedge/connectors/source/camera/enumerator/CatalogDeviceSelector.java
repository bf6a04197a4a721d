package dev.flinkedge.connectors.source.camera.enumerator;

import dev.flinkedge.connectors.source.camera.CameraDevice;

import org.apache.flink.util.Preconditions;

import java.io.IOException;
import java.util.List;

/** Selects the named cameras of a catalog (a device-based raw stream). */
final class CatalogDeviceSelector implements CameraSelector {

    private static final long serialVersionUID = 1L;

    private final CatalogSource catalog;
    private final List<String> ids;

    CatalogDeviceSelector(CatalogSource catalog, List<String> ids) {
        Preconditions.checkNotNull(ids, "ids");
        Preconditions.checkArgument(!ids.isEmpty(), "Select at least one camera");
        this.catalog = catalog;
        this.ids = List.copyOf(ids);
    }

    @Override
    public List<CameraDevice> select() throws IOException {
        return catalog.load().select(ids);
    }

    @Override
    public String toString() {
        return "cameras " + ids;
    }
}

package dev.flinkedge.connectors.source.camera.enumerator;

import dev.flinkedge.connectors.source.camera.AreaFilter;
import dev.flinkedge.connectors.source.camera.CameraDevice;

import org.apache.flink.util.Preconditions;

import java.io.IOException;
import java.util.List;

/** Selects every catalog camera inside some areas (a range-based raw stream). */
final class CatalogAreaSelector implements CameraSelector {

    private static final long serialVersionUID = 1L;

    private final CatalogSource catalog;
    private final AreaFilter areas;

    CatalogAreaSelector(CatalogSource catalog, AreaFilter areas) {
        this.catalog = catalog;
        this.areas = Preconditions.checkNotNull(areas, "areas");
    }

    @Override
    public List<CameraDevice> select() throws IOException {
        return catalog.load().selectInside(areas);
    }

    @Override
    public String toString() {
        return "cameras inside " + areas.areas();
    }
}

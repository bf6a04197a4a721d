package dev.flinkedge.jobs.demo;

import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Tier;
import dev.flinkedge.scheduler.topology.Topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's cameras: synthetic traffic scenes placed round the edge sites of the topology, and
 * optionally a real street video as one more camera. Written as a device catalog file that the jobs
 * read ({@code --cameras.catalog}).
 */
final class DemoCameras {

    /** Synthetic cameras render at this size; policies scale it down at capture. */
    static final int WIDTH = 1280;

    static final int HEIGHT = 720;
    static final String VIDEO_CAMERA = "cam-video";

    private final List<String> ids;
    private final String yaml;

    private DemoCameras(List<String> ids, String yaml) {
        this.ids = List.copyOf(ids);
        this.yaml = yaml;
    }

    /**
     * {@code count} synthetic cameras at {@code fps}, a few hundred metres from the edge sites in
     * turn, plus {@code video} (looping) when it is not null.
     */
    static DemoCameras around(Topology topology, int count, double fps, Path video) {
        List<Site> edges = topology.sites().stream().filter(s -> s.tier() == Tier.EDGE).toList();
        List<Site> anchors = edges.isEmpty() ? topology.sites() : edges;
        List<String> ids = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("# Cameras of 'flink-edge demo'.\ncameras:\n");
        for (int i = 0; i < count; i++) {
            Site site = anchors.get(i % anchors.size());
            String id = "cam-" + (i + 1);
            ids.add(id);
            camera(
                    yaml,
                    id,
                    site,
                    i,
                    String.format(
                            Locale.ROOT,
                            "{kind: SYNTHETIC, seed: %d, fps: %s, width: %d, height: %d}",
                            i + 1,
                            fps,
                            WIDTH,
                            HEIGHT));
        }
        if (video != null) {
            Site site = anchors.get(count % anchors.size());
            ids.add(VIDEO_CAMERA);
            camera(
                    yaml,
                    VIDEO_CAMERA,
                    site,
                    count,
                    "{kind: VIDEO_FILE, uri: '" + video.toAbsolutePath() + "', loop: true}");
        }
        return new DemoCameras(ids, yaml.toString());
    }

    private static void camera(StringBuilder yaml, String id, Site site, int index, String spec) {
        // A few hundred metres north-east of the site, so each camera belongs to it.
        double offset = 0.002 * (1 + index / 2);
        yaml.append(
                String.format(
                        Locale.ROOT,
                        "  - id: %s\n    location: {lat: %.5f, lon: %.5f}\n    spec: %s\n",
                        id,
                        site.location().lat() + offset,
                        site.location().lon() + offset,
                        spec));
    }

    /** Camera ids, synthetic ones first. */
    List<String> ids() {
        return ids;
    }

    /** Writes the catalog to {@code file}. */
    Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}

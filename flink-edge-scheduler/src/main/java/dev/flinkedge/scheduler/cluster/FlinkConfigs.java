package dev.flinkedge.scheduler.cluster;

import dev.flinkedge.scheduler.topology.Site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Writes the {@code config.yaml} of every Flink process of the local edge cluster: the JobManager,
 * one TaskManager per site (declaring the site as an external resource with one unit per slot,
 * under fine-grained resource management) and the client ({@code bin/flink}). Scratch directories
 * stay under each process's directory.
 */
final class FlinkConfigs {

    static final String CONFIG_FILE = "config.yaml";
    static final String HOST = "localhost";
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
    static final int HEARTBEAT_RPC_FAILURES = 2;

    private FlinkConfigs() {}

    /** Options every Flink process of the cluster shares. */
    private static YamlConfig common(ClusterSettings settings, Path dir) throws IOException {
        return new YamlConfig()
                .set("jobmanager.rpc.address", HOST)
                .set("jobmanager.rpc.port", settings.ports().jobManagerRpc())
                .set("rest.address", HOST)
                .set("rest.port", settings.ports().rest())
                .set("cluster.fine-grained-resource-management.enabled", true)
                .set("execution.buffer-timeout.interval", "0 ms")
                // A killed TaskManager refuses the heartbeat RPCs: after HEARTBEAT_RPC_FAILURES of
                // them (2 s at this interval, 20 s at Flink's default) its jobs restart, on a
                // spare TaskManager of its site if there is one, well within a production lease
                // (15 s by default); without a spare their taps give their streams up for
                // re-hosting
                // then. All processes share one host, so a refused RPC means a dead process.
                .set("heartbeat.interval", HEARTBEAT_INTERVAL.toSeconds() + " s")
                .set("heartbeat.rpc-failure-threshold", HEARTBEAT_RPC_FAILURES)
                .set("io.tmp.dirs", mkdir(dir.resolve("tmp")))
                .set("process.working-dir", mkdir(dir.resolve("working-dir")));
    }

    /** Writes the JobManager's {@code config.yaml} into {@code dir}. */
    static void writeJobManager(ClusterSettings settings, Path dir) throws IOException {
        common(settings, dir)
                .set("jobmanager.bind-host", HOST)
                .set("rest.bind-address", HOST)
                .set("jobmanager.memory.process.size", settings.jobManagerMemory())
                // Jobs come only after every TaskManager registered (cluster start waits for them),
                // so a job whose site has no free slot may fail at once with
                // NoResourceAvailableException instead of waiting slot.request.timeout (5 min) for
                // TaskManagers that will not come; it never runs at another site. 0 would mean
                // "never fail", hence 1 ms.
                .set("resourcemanager.standalone.start-up-time", "1 ms")
                .set("web.upload.dir", mkdir(dir.resolve("web-upload")))
                .write(dir.resolve(CONFIG_FILE));
    }

    /**
     * Writes the {@code config.yaml} of a site's TaskManager into {@code dir}.
     *
     * @param resourceId the TaskManager's id, e.g. {@code edge-1-tm-0}
     */
    static void writeTaskManager(ClusterSettings settings, Site site, String resourceId, Path dir)
            throws IOException {
        YamlConfig config =
                common(settings, dir)
                        .set("taskmanager.resource-id", resourceId)
                        .set("taskmanager.host", HOST)
                        .set("taskmanager.bind-host", HOST)
                        .set("taskmanager.numberOfTaskSlots", site.slots())
                        .set("taskmanager.memory.process.size", settings.taskManagerMemory())
                        // ONNX Runtime's native library can be loaded by one class loader per JVM
                        // only:
                        // when the cluster has the model runtime on its classpath, every job uses
                        // that copy.
                        .set(
                                "classloader.parent-first-patterns.additional",
                                List.of("ai.djl.", "ai.onnxruntime."))
                        .set("external-resources", List.of(site.id()))
                        .set("external-resource." + site.id() + ".amount", site.slots());
        if (site.cpu() > 0) {
            config.set("taskmanager.cpu.cores", site.cpu());
        }
        config.write(dir.resolve(CONFIG_FILE));
    }

    /** Writes the client's {@code config.yaml} ({@code FLINK_CONF_DIR} of {@code bin/flink}). */
    static void writeClient(ClusterSettings settings, Path dir) throws IOException {
        new YamlConfig()
                .set("rest.address", HOST)
                .set("rest.port", settings.ports().rest())
                .set("jobmanager.rpc.address", HOST)
                .set("jobmanager.rpc.port", settings.ports().jobManagerRpc())
                .set("execution.buffer-timeout.interval", "0 ms")
                .set("io.tmp.dirs", mkdir(dir.resolve("tmp")))
                .write(dir.resolve(CONFIG_FILE));
    }

    private static String mkdir(Path dir) throws IOException {
        return Files.createDirectories(dir).toAbsolutePath().toString();
    }
}

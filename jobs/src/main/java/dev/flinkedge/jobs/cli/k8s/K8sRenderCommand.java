package dev.flinkedge.jobs.cli.k8s;

import dev.flinkedge.jobs.cli.CliException;
import dev.flinkedge.scheduler.k8s.TaskManagerPools;
import dev.flinkedge.scheduler.topology.InvalidTopologyException;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code k8s render}: writes one TaskManager pool Deployment per site of a topology ({@link
 * TaskManagerPools}) into a directory, overwriting files of the same name.
 */
@Command(
        name = "render",
        description =
                "Write the TaskManager pool Deployment of every site"
                        + " with slots (but devices and the root) of a topology: taskmanagers-<site>.yaml.")
final class K8sRenderCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--topology",
            paramLabel = "FILE",
            required = true,
            description = "The sites and links, e.g. conf/topology-default.yaml.")
    Path topologyFile;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "k8s",
            description = "Where to write the manifests (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Override
    public Integer call() {
        Topology topology;
        try {
            topology = TopologyLoader.load(topologyFile);
        } catch (InvalidTopologyException e) {
            throw new CliException(e.getMessage(), e);
        }
        Map<String, String> files = TaskManagerPools.render(topology);
        PrintWriter out = spec.commandLine().getOut();
        try {
            Files.createDirectories(outDir);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = outDir.resolve(file.getKey());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                out.println(path);
            }
        } catch (IOException e) {
            throw new CliException(
                    "cannot write the manifests to "
                            + outDir.toAbsolutePath()
                            + ": "
                            + e.getMessage()
                            + "; pass a writable directory with --out",
                    e);
        }
        if (files.isEmpty()) {
            out.println(
                    "no TaskManager pools: "
                            + topologyFile
                            + " has no site with slots but the root");
        }
        out.flush();
        return 0;
    }
}

package dev.flinkedge.jobs.cli.k8s;

import dev.flinkedge.jobs.cli.FlinkEdgeCommand;

import picocli.CommandLine.Command;

/** {@code flink-edge k8s}: Kubernetes manifests for an edge topology. */
@Command(
        name = "k8s",
        description =
                "Kubernetes manifests for an edge topology (see k8s/ and" + " docs/operations.md).",
        subcommands = K8sRenderCommand.class)
public final class K8sCommand implements FlinkEdgeCommand {}

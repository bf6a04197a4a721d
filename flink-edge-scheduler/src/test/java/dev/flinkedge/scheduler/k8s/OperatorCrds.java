package dev.flinkedge.scheduler.k8s;

import dev.flinkedge.connectors.testutil.TestFiles;

import java.nio.file.Path;

/**
 * The Flink Kubernetes Operator's CRDs vendored in {@code k8s/crds/} (source and version in its
 * README); a test that needs one fails when it is missing, since the repository holds them.
 */
final class OperatorCrds {

    private OperatorCrds() {}

    /** The validator for {@code FlinkDeployment}s. */
    static CrdSchemaValidator flinkDeployment() {
        return CrdSchemaValidator.load(file("flinkdeployments.flink.apache.org-v1.yml"));
    }

    /** The validator for {@code FlinkSessionJob}s. */
    static CrdSchemaValidator flinkSessionJob() {
        return CrdSchemaValidator.load(file("flinksessionjobs.flink.apache.org-v1.yml"));
    }

    private static Path file(String name) {
        return TestFiles.requireCommitted(
                Manifests.repoRoot().resolve("k8s/crds").resolve(name),
                "restore it with git checkout -- k8s/crds, or copy it from the operator's Helm"
                        + " chart as k8s/crds/README.md describes");
    }
}

package dev.flinkedge.scheduler.k8s;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Flink Kubernetes Operator's CRDs in {@code ../shared/flink-operator-crds/} next to the
 * repository; tests that need them are skipped when that directory is absent.
 */
final class OperatorCrds {

    private OperatorCrds() {}

    /** The validator for {@code FlinkDeployment}s; skips the calling test without the CRDs. */
    static CrdSchemaValidator flinkDeployment() {
        return CrdSchemaValidator.load(file("flinkdeployments.flink.apache.org-v1.yml"));
    }

    /** The validator for {@code FlinkSessionJob}s; skips the calling test without the CRDs. */
    static CrdSchemaValidator flinkSessionJob() {
        return CrdSchemaValidator.load(file("flinksessionjobs.flink.apache.org-v1.yml"));
    }

    private static Path file(String name) {
        Path dir = Manifests.repoRoot().resolve("../shared/flink-operator-crds").normalize();
        assumeTrue(Files.isDirectory(dir), () -> "skipped: the Flink operator CRDs are not at "
                + dir + "; put the operator's Helm chart crds/ files there to validate k8s/");
        Path file = dir.resolve(name);
        assumeTrue(Files.isRegularFile(file), () -> "skipped: " + file + " is missing");
        return file;
    }
}

package dev.flinkedge.jobs;

import dev.flinkedge.connectors.testutil.TestFiles;

import java.nio.file.Path;

/** The shaded job jar that {@code mvn package} builds, for the tests that run after it. */
public final class PackagedJobJar {

    private PackagedJobJar() {}

    /**
     * The jar the pom's job-jar execution names ({@code flinkedge.jobJar}), else where {@code mvn
     * package} puts it; skips the test outside CI and fails it under {@code CI=true} when missing.
     */
    public static Path require() {
        Path path =
                Path.of(
                        System.getProperty(
                                "flinkedge.jobJar",
                                "target/flink-edge-jobs-0.1.0-SNAPSHOT-job.jar"));
        return TestFiles.require(
                path, "the job jar", "build it with mvn package, which runs this test after it");
    }
}

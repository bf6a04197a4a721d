package dev.flinkedge.jobs.cli;

import dev.flinkedge.jobs.traffic.ModelFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the CLI finds the project's own files: the checkout ({@code flinkedge.home}, set by {@code
 * bin/flink-edge}, else the working directory), the packaged job jar, the default topology, the
 * asset fetcher and the fetched models and media.
 */
public final class ProjectFiles {

    /** System property naming the checkout. */
    public static final String HOME_PROPERTY = "flinkedge.home";

    /** System property naming the job jar explicitly. */
    public static final String JOB_JAR_PROPERTY = "flinkedge.jobs.jar";

    private final Path home;

    private ProjectFiles(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /** The checkout this CLI runs from. */
    public static ProjectFiles current() {
        return new ProjectFiles(Path.of(System.getProperty(HOME_PROPERTY, "")));
    }

    /** A checkout at {@code home} (tests). */
    public static ProjectFiles at(Path home) {
        return new ProjectFiles(home);
    }

    public Path home() {
        return home;
    }

    /** The default topology shipped with the project: one cloud and two edge sites. */
    public Path defaultTopology() {
        return home.resolve("conf/topology-default.yaml");
    }

    /** Models and media fetched by {@code bin/fetch-assets}. */
    public Path assets() {
        return home.resolve("work/assets");
    }

    /** The default detection model. */
    public Path detectionModel() {
        return assets().resolve("models").resolve(ModelFiles.DEFAULT_DETECTOR);
    }

    /** A fetched media file, e.g. {@code vtest.avi}. */
    public Path media(String name) {
        return assets().resolve("media").resolve(name);
    }

    /** The script that fetches models and media. */
    public Path fetchAssetsScript() {
        return home.resolve("bin/fetch-assets");
    }

    /**
     * The shaded job jar, {@code jobs/target/flink-edge-jobs-<version>-job.jar}.
     *
     * @throws CliException saying how to build it when it is missing
     */
    public Path jobJar() {
        String explicit = System.getProperty(JOB_JAR_PROPERTY);
        if (explicit != null) {
            return existing(Path.of(explicit));
        }
        Path target = home.resolve("jobs/target");
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(
                            p -> p.getFileName().toString().matches("flink-edge-jobs-.*-job\\.jar"))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new CliException(
                                            "no job jar in "
                                                    + target
                                                    + "; build it"
                                                    + " with 'mvn -B -DskipTests package -pl jobs -am' (bin/flink-edge"
                                                    + " does this on first use)"));
        } catch (IOException e) {
            throw new CliException("cannot list " + target + ": " + e.getMessage(), e);
        }
    }

    private static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new CliException("-D" + JOB_JAR_PROPERTY + "=" + jar + " is not a file");
        }
        return jar;
    }
}

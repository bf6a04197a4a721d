package dev.flinkedge.connectors.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The one check for files a test needs that the build does not make: models and media fetched by
 * {@code bin/fetch-assets}, the packaged job jar, data committed to the repository. Without the
 * file the calling test is skipped (aborted with a {@link MissingFileAbort}, which {@link
 * MissingFilesReport} lists at the end of the run), except under {@code CI=true}, where it fails
 * with the same message: a build in CI must not pass by skipping the tests that need the file.
 *
 * <pre>{@code
 * Path model = TestFiles.require(dir.resolve("yolov8n.onnx"), "yolov8n.onnx",
 *         "run bin/fetch-assets (needs npm)");
 * }</pre>
 */
public final class TestFiles {

    /** Environment variable that marks a CI build when it is {@code true}. */
    public static final String CI_ENV = "CI";

    private static final TestFiles SYSTEM = new TestFiles(System::getenv);

    private final UnaryOperator<String> env;

    /** A check that reads the environment through {@code env} (tests pass a map's lookup). */
    TestFiles(UnaryOperator<String> env) {
        this.env = env;
    }

    /**
     * {@code file} if it is a regular file; otherwise skips the calling test, or fails it under
     * {@code CI=true}.
     *
     * @param file the file the test reads
     * @param name what the file is, as the report and the message name it
     * @param fix how to get the file, e.g. the command and what it needs
     * @return {@code file}
     */
    public static Path require(Path file, String name, String fix) {
        return SYSTEM.check(file, name, fix);
    }

    /**
     * {@code file} if it is a regular file; otherwise fails the calling test, in CI or not: the
     * file is committed to the repository, so a checkout without it is broken.
     *
     * @param file the file the test reads
     * @param fix how to restore the file
     * @return {@code file}
     */
    public static Path requireCommitted(Path file, String fix) {
        if (!Files.isRegularFile(file)) {
            fail(file.toAbsolutePath() + " is missing; it belongs to the repository: " + fix);
        }
        return file;
    }

    Path check(Path file, String name, String fix) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        String message = name + " is missing (" + file.toAbsolutePath() + "): " + fix;
        if (inCi()) {
            fail(
                    message
                            + ". "
                            + CI_ENV
                            + "=true: a missing file fails the build instead of"
                            + " skipping the tests that need it");
        }
        throw new MissingFileAbort(name, fix, message);
    }

    boolean inCi() {
        return "true".equalsIgnoreCase(env.apply(CI_ENV));
    }
}

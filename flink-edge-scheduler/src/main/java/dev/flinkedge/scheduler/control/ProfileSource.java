package dev.flinkedge.scheduler.control;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the profile policy gets its profile, and the re-profiling hook: the policy calls {@link
 * #load} at start and again every {@code scheduler.profile.reload-interval}, so a source that
 * re-measures (or a file that a re-profiling job rewrites) keeps the profile current.
 */
@FunctionalInterface
public interface ProfileSource {

    /**
     * The current profile.
     *
     * @throws IOException when it cannot be read; the policy keeps the previous one
     */
    Profile load() throws IOException;

    /** A profile file in {@link ProfileLoader}'s format, read anew on every load. */
    static ProfileSource file(Path path) {
        return () -> ProfileLoader.load(path);
    }
}

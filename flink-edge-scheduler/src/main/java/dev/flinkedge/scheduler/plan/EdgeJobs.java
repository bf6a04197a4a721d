package dev.flinkedge.scheduler.plan;

import dev.flinkedge.connectors.api.EdgeJob;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The packaged jobs on the classpath, by name: every {@link EdgeJob} listed in a {@code
 * META-INF/services/dev.flinkedge.connectors.api.EdgeJob} file.
 */
public final class EdgeJobs {

    private final SortedMap<String, EdgeJob> byName;

    private EdgeJobs(SortedMap<String, EdgeJob> byName) {
        this.byName = byName;
    }

    /**
     * Loads the jobs visible to {@code classLoader}.
     *
     * @throws IllegalStateException when two jobs share a name
     */
    public static EdgeJobs load(ClassLoader classLoader) {
        SortedMap<String, EdgeJob> byName = new TreeMap<>();
        for (EdgeJob job : ServiceLoader.load(EdgeJob.class, classLoader)) {
            EdgeJob other = byName.putIfAbsent(job.name(), job);
            if (other != null) {
                throw new IllegalStateException(
                        "two jobs are named '"
                                + job.name()
                                + "': "
                                + other.getClass().getName()
                                + " and "
                                + job.getClass().getName()
                                + "; give each EdgeJob its own name");
            }
        }
        return new EdgeJobs(byName);
    }

    /** The job of this name, if one is on the classpath. */
    public Optional<EdgeJob> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every job, sorted by name. */
    public List<EdgeJob> all() {
        return new ArrayList<>(byName.values());
    }
}

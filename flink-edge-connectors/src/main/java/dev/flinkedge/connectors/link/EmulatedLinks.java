package dev.flinkedge.connectors.link;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The conditions of every emulated link in this JVM, by link name: what a benchmark changes to
 * inject a bandwidth drop while the job runs, and what every {@link LinkShaperOperator} of that
 * link reads per record. Reaches the operators of a MiniCluster in the same JVM; TaskManagers in
 * other processes do not see it.
 *
 * <pre>{@code
 * EmulatedLinks.set("edge-1>cloud", new LinkConditions(10, 8));   // 100 → 10 Mbit/s
 * }</pre>
 */
@PublicEvolving
public final class EmulatedLinks {

    private static final Map<String, LinkConditions> LINKS = new ConcurrentHashMap<>();

    private EmulatedLinks() {}

    /** Sets the conditions of link {@code name}; shapers apply them to the next record. */
    public static void set(String name, LinkConditions conditions) {
        LINKS.put(
                Preconditions.checkNotNull(name, "name"),
                Preconditions.checkNotNull(conditions, "conditions"));
    }

    /** The conditions of link {@code name}, if set. */
    public static Optional<LinkConditions> get(String name) {
        return Optional.ofNullable(LINKS.get(name));
    }

    /** Sets {@code initial} unless the link has conditions already; returns the current ones. */
    static LinkConditions setIfAbsent(String name, LinkConditions initial) {
        return LINKS.computeIfAbsent(name, n -> initial);
    }
}

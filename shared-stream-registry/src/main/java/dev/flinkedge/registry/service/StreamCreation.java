package dev.flinkedge.registry.service;

import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.RegistryException;
import dev.flinkedge.registry.model.InvalidFieldException;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.LineageFingerprint;
import dev.flinkedge.registry.model.Names;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry's rules for creating a stream, on any view of the registered streams: the name is
 * free, its topic fits Kafka and collides with no registered stream's, every parent is a live
 * stream the caller may read, the lineage is acyclic, and the caller has no live stream of the same
 * fingerprint. The service applies them to its state; {@code flink-edge plan} applies them to what
 * the registry shows it, so that a plan is refused exactly when a submission would be.
 */
public final class StreamCreation {

    /** The registered streams as the rules need them. */
    public interface Streams {
        /** The stream {@code ref}, if registered. */
        Optional<StreamDescriptor> get(StreamRef ref);

        /** Every registered stream of {@code fingerprint}, whatever its status. */
        List<StreamDescriptor> withFingerprint(String fingerprint);

        /** Every registered stream, whatever its status. */
        List<StreamDescriptor> all();
    }

    private StreamCreation() {}

    /**
     * The descriptor of the stream {@code caller} asks for with {@code spec}: DECLARED, its
     * lineage's parents resolved to fingerprints.
     *
     * @param now the creation time
     * @throws RegistryException what the registry answers when it refuses the stream
     */
    public static StreamDescriptor declare(
            Streams state, String caller, StreamSpec spec, long now) {
        StreamRef ref = new StreamRef(caller, spec.name());
        state.get(ref)
                .ifPresent(
                        existing -> {
                            throw Errors.streamExists(existing);
                        });
        String topic = StreamDescriptor.topicFor(caller, spec.name());
        checkTopicFree(state, spec.name(), topic);
        Lineage lineage = resolveLineage(state, caller, ref, spec.lineage());
        String fp = fingerprint(caller, spec, lineage);
        if (lineage != null) {
            checkAcyclic(state, ref, fp, lineage);
        }
        for (StreamDescriptor other : state.withFingerprint(fp)) {
            if (other.owner().equals(caller) && other.status().isLive()) {
                throw Errors.fingerprintExists(other);
            }
        }
        return new StreamDescriptor(
                caller,
                spec.name(),
                spec.type(),
                spec.window(),
                spec.serializer(),
                spec.payloadType(),
                spec.guarantee(),
                lineage,
                spec.source(),
                spec.durable(),
                spec.partitions(),
                StreamStatus.DECLARED,
                null,
                topic,
                fp,
                List.of(),
                List.of(),
                now,
                now);
    }

    /**
     * Refuses a topic Kafka cannot tell apart from a registered stream's. New topics never collide
     * with each other ({@link StreamDescriptor#topicFor}); a stream created before topic names were
     * escaped keeps its unescaped topic, which a new one may equal, e.g. owner {@code city-u}'s
     * {@code flinkedge.city-u.X} and owner {@code city_}'s stream {@code X}.
     */
    private static void checkTopicFree(Streams state, String name, String topic) {
        for (StreamDescriptor other : state.all()) {
            if (StreamDescriptor.topicsCollide(other.topic(), topic)) {
                throw new InvalidFieldException(
                        "name",
                        "'"
                                + name
                                + "' would be written to topic '"
                                + topic
                                + "', which Kafka cannot tell apart from topic '"
                                + other.topic()
                                + "' of stream "
                                + other.ref()
                                + "; choose another name");
            }
        }
    }

    /** The fingerprint of a stream of {@code spec} owned by {@code caller}. */
    static String fingerprint(String caller, StreamSpec spec, Lineage resolved) {
        return spec.type() == StreamType.DERIVED
                ? LineageFingerprint.ofDerived(resolved, spec.window(), spec.serializer())
                : LineageFingerprint.ofSource(caller, spec.name());
    }

    /** Replaces owner/name parents by fingerprints, checking existence and read access. */
    static Lineage resolveLineage(Streams state, String caller, StreamRef self, Lineage lineage) {
        if (lineage == null) {
            return null;
        }
        List<String> parents = lineage.parents();
        List<String> resolved = new ArrayList<>(parents.size());
        for (int i = 0; i < parents.size(); i++) {
            String p = parents.get(i);
            if (Names.FINGERPRINT.matcher(p).matches()) {
                // A parent the caller may not read is answered as a missing one, so that lineages
                // cannot probe for other owners' streams.
                if (state.withFingerprint(p).stream()
                        .noneMatch(d -> d.status().isLive() && d.isReadableBy(caller))) {
                    throw Errors.unknownParent(i, p);
                }
                resolved.add(p);
            } else {
                int index = i;
                StreamRef pref = StreamRef.parse(p);
                if (pref.equals(self)) {
                    throw Errors.lineageCycle(self, p);
                }
                StreamDescriptor d =
                        state.get(pref)
                                .filter(x -> x.status().isLive() && x.isReadableBy(caller))
                                .orElseThrow(() -> Errors.unknownParent(index, p));
                resolved.add(d.fingerprint());
            }
        }
        return new Lineage(lineage.operator(), resolved);
    }

    /** Walks the ancestors of {@code lineage}; a stream may not descend from itself. */
    private static void checkAcyclic(Streams state, StreamRef self, String fp, Lineage lineage) {
        Deque<String> todo = new ArrayDeque<>(lineage.parents());
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String ancestor = todo.pop();
            if (ancestor.equals(fp)) {
                throw Errors.lineageCycle(self, ancestor);
            }
            if (!seen.add(ancestor)) {
                continue;
            }
            for (StreamDescriptor d : state.withFingerprint(ancestor)) {
                if (d.ref().equals(self)) {
                    throw Errors.lineageCycle(self, d.ref().toString());
                }
                if (d.lineage() != null) {
                    todo.addAll(d.lineage().parents());
                }
            }
        }
    }
}

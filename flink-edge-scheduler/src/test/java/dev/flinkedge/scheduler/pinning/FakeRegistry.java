package dev.flinkedge.scheduler.pinning;

import dev.flinkedge.connectors.testutil.UnsupportedRegistry;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.LineageFingerprint;
import dev.flinkedge.registry.model.OperatorRef;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.WindowSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Describes the streams it was given; creates derived streams; resolves nothing. */
public final class FakeRegistry extends UnsupportedRegistry {
    private final Map<StreamRef, StreamDescriptor> streams = new HashMap<>();

    public void raw(String name, SourceSpec source) {
        put(
                descriptor(
                        name,
                        StreamType.RAW,
                        WindowSpec.none(),
                        null,
                        source,
                        null,
                        LineageFingerprint.ofSource("alice", name)));
    }

    public void derived(String name, Producer producer) {
        Lineage lineage =
                new Lineage(
                        OperatorRef.of("detect", "1"),
                        List.of(LineageFingerprint.ofSource("alice", "cams")));
        put(
                descriptor(
                        name,
                        StreamType.DERIVED,
                        WindowSpec.none(),
                        lineage,
                        null,
                        producer,
                        LineageFingerprint.ofDerived(
                                lineage, WindowSpec.none(), SerializerFormat.KRYO)));
    }

    private void put(StreamDescriptor d) {
        streams.put(d.ref(), d);
    }

    private static StreamDescriptor descriptor(
            String name,
            StreamType type,
            WindowSpec window,
            Lineage lineage,
            SourceSpec source,
            Producer producer,
            String fingerprint) {
        return new StreamDescriptor(
                "alice",
                name,
                type,
                window,
                SerializerFormat.KRYO,
                "frame",
                Guarantee.LIVE,
                lineage,
                source,
                false,
                1,
                producer == null ? StreamStatus.DECLARED : StreamStatus.ACTIVE,
                producer,
                StreamDescriptor.topicFor("alice", name),
                fingerprint,
                List.of(),
                List.of(),
                0,
                0);
    }

    @Override
    public String principal() {
        return "alice";
    }

    @Override
    public StreamDescriptor create(StreamSpec spec) {
        StreamDescriptor d =
                descriptor(
                        spec.name(),
                        spec.type(),
                        spec.window(),
                        spec.lineage(),
                        null,
                        null,
                        LineageFingerprint.ofDerived(
                                spec.lineage(), spec.window(), spec.serializer()));
        put(d);
        return d;
    }

    @Override
    public List<StreamDescriptor> list(String owner, StreamType type) {
        throw new UnsupportedOperationException("list");
    }

    @Override
    public StreamDescriptor describe(StreamRef stream) {
        StreamDescriptor d = streams.get(stream);
        if (d == null) {
            throw Errors.streamNotFound(stream);
        }
        return d;
    }

    @Override
    public List<StreamDescriptor> resolve(String fingerprint) {
        throw Errors.fingerprintNotFound(fingerprint);
    }
}

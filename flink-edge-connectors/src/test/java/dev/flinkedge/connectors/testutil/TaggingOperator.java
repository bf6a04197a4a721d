package dev.flinkedge.connectors.testutil;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.EdgeOperatorFactory;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;

import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deterministic operator for tests of sharing and placement: wraps its input in its own name, so
 * that {@code detect} on frame 5 of {@code cam-1} gives {@code detect(cam-1#5)} and {@code
 * recognise} on that gives {@code recognise(detect(cam-1#5))}, and counts its invocations per name
 * in this JVM. Shared and recomputed results can so be compared, and what ran how often counted.
 */
public final class TaggingOperator extends MapOperator<EdgeData, EdgeRecord<Tagged>> {
    private static final long serialVersionUID = 1L;

    /** Output type of every tagging operator. */
    public static final TypeInformation<EdgeRecord<Tagged>> OUTPUT =
            TypeInformation.of(new TypeHint<EdgeRecord<Tagged>>() {});

    private static final Map<String, AtomicLong> INVOCATIONS = new ConcurrentHashMap<>();

    /**
     * @param name operator name, e.g. {@code detect}: the tag and the key of its invocation count
     */
    public TaggingOperator(String name) {
        super(name, "1", Map.of(), OUTPUT);
    }

    /** A catalogue entry recreating {@code TaggingOperator(name)}, for host jobs. */
    public static EdgeOperatorFactory factory(String name) {
        return new EdgeOperatorFactory() {
            private static final long serialVersionUID = 1L;

            @Override
            public String name() {
                return name;
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public EdgeOperator<?, ?> create(Map<String, String> params) {
                return new TaggingOperator(name);
            }
        };
    }

    /**
     * How often operators called {@code name} ran in this JVM: all of them when every job runs in
     * one MiniCluster.
     */
    public static long invocations(String name) {
        AtomicLong n = INVOCATIONS.get(name);
        return n == null ? 0 : n.get();
    }

    @Override
    public void process(EdgeData in, Collector<EdgeRecord<Tagged>> out) {
        INVOCATIONS.computeIfAbsent(name(), k -> new AtomicLong()).incrementAndGet();
        Tagged tagged;
        if (in instanceof Frame f) {
            tagged =
                    new Tagged(
                            f.cameraId(),
                            f.sequence(),
                            name() + "(" + f.cameraId() + "#" + f.sequence() + ")");
        } else if (in instanceof EdgeRecord<?> r && r.payload() instanceof Tagged t) {
            tagged = new Tagged(t.cameraId, t.sequence, name() + "(" + t.value + ")");
        } else {
            throw new IllegalArgumentException(
                    "TaggingOperator '"
                            + name()
                            + "' takes frames or tagged records, not "
                            + in.getClass().getName());
        }
        out.collect(
                EdgeRecord.derivedFrom(in, tagged).withStage(name(), System.currentTimeMillis()));
    }
}

package dev.flinkedge.jobs.bench.workload;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.EdgeOperatorFactory;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;

import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic stand-in for a model: burns a configured amount of CPU time per input and emits a
 * result that depends only on the input, so that benchmarks can measure sharing (CPU saved,
 * invocations per frame, equal results) without real models. Input: a {@link Frame} or an {@code
 * EdgeRecord<SyntheticResult>}; output: {@code EdgeRecord<SyntheticResult>} whose value wraps the
 * input's, e.g. {@code detect(cam-1#5)}.
 */
public final class SyntheticCost extends MapOperator<EdgeData, EdgeRecord<SyntheticResult>> {
    private static final long serialVersionUID = 1L;

    /** Output type of every synthetic operator. */
    public static final TypeInformation<EdgeRecord<SyntheticResult>> OUTPUT =
            TypeInformation.of(new TypeHint<EdgeRecord<SyntheticResult>>() {});

    /** Where the CPU burner leaves its result, so that the JIT cannot drop the loop. */
    @SuppressWarnings("unused")
    private static volatile long burnt;

    private static final String COST = "cost";

    private final long costNanos;

    /**
     * @param name operator name, e.g. {@code detect}
     * @param cost CPU time burnt per input (thread CPU time, not wall time)
     */
    public SyntheticCost(String name, Duration cost) {
        this(name, cost, Map.of());
    }

    /**
     * @param name operator name, e.g. {@code detect}
     * @param cost CPU time burnt per input (thread CPU time, not wall time)
     * @param tags further lineage params that change nothing but the fingerprint, so that one owner
     *     can register the same computation more than once (e.g. one stream per delivery guarantee)
     */
    public SyntheticCost(String name, Duration cost, Map<String, String> tags) {
        super(name, "1", params(cost, tags), OUTPUT);
        this.costNanos = cost.toNanos();
    }

    private static Map<String, String> params(Duration cost, Map<String, String> tags) {
        if (tags.containsKey(COST)) {
            throw new IllegalArgumentException(
                    "tag '" + COST + "' would replace the cost; name the tag otherwise");
        }
        Map<String, String> params = new TreeMap<>(tags);
        params.put(COST, cost.toMillis() + "ms");
        return params;
    }

    /** A catalogue entry recreating {@code SyntheticCost(name, cost)} from its lineage params. */
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
                String cost = params.getOrDefault(COST, "0ms");
                if (!cost.endsWith("ms")) {
                    throw new IllegalArgumentException(
                            "SyntheticCost param cost='"
                                    + cost
                                    + "' must be milliseconds like '40ms'");
                }
                Map<String, String> tags = new TreeMap<>(params);
                tags.remove(COST);
                return new SyntheticCost(
                        name,
                        Duration.ofMillis(Long.parseLong(cost.substring(0, cost.length() - 2))),
                        tags);
            }
        };
    }

    @Override
    public void process(EdgeData in, Collector<EdgeRecord<SyntheticResult>> out) {
        burn(costNanos);
        SyntheticResult result;
        if (in instanceof Frame f) {
            result =
                    new SyntheticResult(
                            f.cameraId(),
                            f.sequence(),
                            name() + "(" + f.cameraId() + "#" + f.sequence() + ")");
        } else if (in instanceof EdgeRecord<?> r && r.payload() instanceof SyntheticResult p) {
            result = new SyntheticResult(p.cameraId, p.sequence, name() + "(" + p.value + ")");
        } else {
            throw new IllegalArgumentException(
                    "SyntheticCost '"
                            + name()
                            + "' takes frames or"
                            + " synthetic results, not "
                            + in.getClass().getName());
        }
        out.collect(
                EdgeRecord.derivedFrom(in, result).withStage(name(), System.currentTimeMillis()));
    }

    private static void burn(long nanos) {
        if (nanos <= 0) {
            return;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long end = mx.getCurrentThreadCpuTime() + nanos;
        long x = 0;
        while (mx.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x += i ^ (x >>> 3);
            }
        }
        burnt = x;
    }
}

package dev.flinkedge.connectors.runtime;

import dev.flinkedge.connectors.api.MapOperator;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/** Runs a {@link MapOperator} as a Flink flatMap and counts its invocations as a metric. */
@Internal
public final class MapOperatorFunction<I, O> extends RichFlatMapFunction<I, O> {
    private static final long serialVersionUID = 1L;

    private final MapOperator<I, O> operator;

    /** Name of the invocation counter in the operator's metric group. */
    public static final String INVOCATIONS = "edgeOperatorInvocations";

    private transient Counter invocations;
    private transient LongCounter accumulated;

    public MapOperatorFunction(MapOperator<I, O> operator) {
        this.operator = operator;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        invocations = getRuntimeContext().getMetricGroup().counter(INVOCATIONS);
        // The same count as an accumulator: its final value survives the job's end in the REST
        // API (/jobs/<id>/accumulators), where metrics vanish with the job.
        LongCounter total = new LongCounter();
        getRuntimeContext().addAccumulator(accumulatorName(operator.name()), total);
        accumulated = total;
        operator.open(getRuntimeContext());
    }

    @Override
    public void flatMap(I value, Collector<O> out) throws Exception {
        invocations.inc();
        accumulated.add(1L);
        operator.process(value, out);
    }

    /**
     * Name of the accumulator summing the invocations of every operator called {@code operator} in
     * a job.
     */
    public static String accumulatorName(String operator) {
        return INVOCATIONS + "." + operator;
    }

    @Override
    public void close() throws Exception {
        operator.close();
    }
}

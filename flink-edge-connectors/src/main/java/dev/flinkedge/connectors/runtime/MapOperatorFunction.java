package dev.flinkedge.connectors.runtime;

import dev.flinkedge.connectors.api.MapOperator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/** Runs a {@link MapOperator} as a Flink flatMap and counts its invocations as a metric. */
public final class MapOperatorFunction<I, O> extends RichFlatMapFunction<I, O> {
    private static final long serialVersionUID = 1L;

    private final MapOperator<I, O> operator;
    private transient Counter invocations;

    public MapOperatorFunction(MapOperator<I, O> operator) {
        this.operator = operator;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        invocations = getRuntimeContext().getMetricGroup().counter("edgeOperatorInvocations");
        operator.open(getRuntimeContext());
    }

    @Override
    public void flatMap(I value, Collector<O> out) throws Exception {
        invocations.inc();
        operator.process(value, out);
    }

    @Override
    public void close() throws Exception {
        operator.close();
    }
}

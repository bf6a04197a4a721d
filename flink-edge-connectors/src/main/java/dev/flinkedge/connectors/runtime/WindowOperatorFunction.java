package dev.flinkedge.connectors.runtime;

import dev.flinkedge.connectors.api.WindowOperator;
import dev.flinkedge.connectors.model.EdgeData;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Runs a {@link WindowOperator} as a Flink process-window function. */
@Internal
public final class WindowOperatorFunction<I extends EdgeData, O>
        extends ProcessWindowFunction<I, O, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final WindowOperator<I, O> operator;

    public WindowOperatorFunction(WindowOperator<I, O> operator) {
        this.operator = operator;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        operator.open(getRuntimeContext());
    }

    @Override
    public void process(String key, Context context, Iterable<I> elements, Collector<O> out)
            throws Exception {
        operator.process(
                key, context.window().getStart(), context.window().getEnd(), elements, out);
    }

    @Override
    public void close() throws Exception {
        operator.close();
    }
}

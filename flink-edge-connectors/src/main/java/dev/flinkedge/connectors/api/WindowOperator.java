package dev.flinkedge.connectors.api;

import dev.flinkedge.connectors.model.EdgeData;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.util.Map;

/**
 * An operator applied to all records of one key in one window (vehicle count per camera per 10 s).
 * The window comes from the input stream ({@link EdgeStream#window}); records are keyed by {@link
 * EdgeData#key()} and windowed on event time.
 *
 * @param <I> input record type (an {@link EdgeData})
 * @param <O> output record type
 */
@PublicEvolving
public abstract class WindowOperator<I extends EdgeData, O> extends EdgeOperator<I, O> {
    private static final long serialVersionUID = 1L;

    protected WindowOperator(
            String name,
            String version,
            Map<String, String> params,
            TypeInformation<O> outputType) {
        super(name, version, params, outputType);
    }

    /** Emits the outputs for the records of {@code key} in window [{@code start}, {@code end}). */
    public abstract void process(String key, long start, long end, Iterable<I> in, Collector<O> out)
            throws Exception;
}

package dev.flinkedge.connectors.api;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.util.Map;

/**
 * An operator applied to each record on its own (detection on a frame, recognition on a vehicle):
 * zero or more outputs per input.
 *
 * @param <I> input record type
 * @param <O> output record type
 */
@PublicEvolving
public abstract class MapOperator<I, O> extends EdgeOperator<I, O> {
    private static final long serialVersionUID = 1L;

    protected MapOperator(
            String name,
            String version,
            Map<String, String> params,
            TypeInformation<O> outputType) {
        super(name, version, params, outputType);
    }

    /** Emits the outputs for {@code in}. */
    public abstract void process(I in, Collector<O> out) throws Exception;
}

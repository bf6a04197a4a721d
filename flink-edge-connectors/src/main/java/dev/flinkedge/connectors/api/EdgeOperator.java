package dev.flinkedge.connectors.api;

import dev.flinkedge.registry.model.OperatorRef;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * A user computation that derives one stream from others. Its name, version and parameters are its
 * identity in the lineage fingerprint: two jobs applying the same operator version with the same
 * parameters to the same parents compute the same stream, so the second one reuses the first's.
 * Subclass {@link MapOperator} (record at a time, the paper's {@code getNext}) or {@link
 * WindowOperator} (a window at a time, {@code getWindow}).
 *
 * @param <I> input record type
 * @param <O> output record type
 */
@PublicEvolving
public abstract class EdgeOperator<I, O> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final OperatorRef ref;
    private final TypeInformation<O> outputType;

    /**
     * @param name catalogue name, e.g. {@code detect}
     * @param version bump whenever the output changes for the same input
     * @param params everything that changes the output (model, thresholds), as strings
     * @param outputType type information of the output records
     */
    protected EdgeOperator(
            String name,
            String version,
            Map<String, String> params,
            TypeInformation<O> outputType) {
        this.ref = new OperatorRef(name, version, params);
        this.outputType = Objects.requireNonNull(outputType, "outputType");
    }

    /** Name, version and parameters, as they enter the lineage. */
    public final OperatorRef ref() {
        return ref;
    }

    public final String name() {
        return ref.name();
    }

    public final TypeInformation<O> outputType() {
        return outputType;
    }

    /** Called once per parallel instance before the first record (load models here). */
    public void open(RuntimeContext context) throws Exception {}

    /** Called once per parallel instance at shutdown (release models here). */
    public void close() throws Exception {}
}

package dev.flinkedge.connectors.api;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Makes an operator from its lineage entry (name, version, parameters), so that a stream can be
 * recomputed from its recipe by a job that did not define it — the host job that takes over an
 * orphaned stream. Register implementations in {@code META-INF/services} or add them to an {@link
 * OperatorCatalog}.
 *
 * <p>The factories on the class path also declare which payload classes flink-edge may decode
 * ({@link #payloadTypes()}): records on shared topics and in Flink's buffers carry only those.
 */
@PublicEvolving
public interface EdgeOperatorFactory extends Serializable {

    /** Catalogue name, as in {@link EdgeOperator#name()}. */
    String name();

    /** The operator version this factory makes. */
    String version();

    /** An operator equal in lineage to the one that produced the stream. */
    EdgeOperator<?, ?> create(Map<String, String> params);

    /**
     * The payload classes the operators of this jar produce or consume, and the classes those hold,
     * each with its fixed id. flink-edge's codec registers exactly these (plus its own model types
     * and JDK basics) and refuses any other class in the bytes. Several factories of one jar may
     * declare the same list; two declarations of one class or one id must agree.
     *
     * @return the declared types; none by default
     */
    default List<PayloadType> payloadTypes() {
        return List.of();
    }
}

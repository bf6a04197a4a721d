package dev.flinkedge.connectors.api;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.util.Map;

/**
 * Makes an operator from its lineage entry (name, version, parameters), so that a stream can be
 * recomputed from its recipe by a job that did not define it — the host job that takes over an
 * orphaned stream. Register implementations in {@code META-INF/services} or add them to an {@link
 * OperatorCatalog}.
 */
@PublicEvolving
public interface EdgeOperatorFactory extends Serializable {

    /** Catalogue name, as in {@link EdgeOperator#name()}. */
    String name();

    /** The operator version this factory makes. */
    String version();

    /** An operator equal in lineage to the one that produced the stream. */
    EdgeOperator<?, ?> create(Map<String, String> params);
}

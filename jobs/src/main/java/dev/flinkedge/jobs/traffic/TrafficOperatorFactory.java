package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.api.EdgeOperatorFactory;
import dev.flinkedge.connectors.api.PayloadType;
import dev.flinkedge.jobs.JobPayloads;

import java.util.List;

/**
 * Base of the catalogue entries of the traffic operators: name and version fixed per subclass,
 * which only says how to build the operator from its lineage parameters. Subclasses are listed in
 * {@code META-INF/services/dev.flinkedge.connectors.api.EdgeOperatorFactory}.
 */
public abstract class TrafficOperatorFactory implements EdgeOperatorFactory {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String version;

    protected TrafficOperatorFactory(String name, String version) {
        this.name = name;
        this.version = version;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final List<PayloadType> payloadTypes() {
        return JobPayloads.TYPES;
    }
}

package dev.flinkedge.connectors.api;

import org.apache.flink.annotation.Internal;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Creates the {@link PipelineBuilder} of a job: the service through which the DSL reaches the
 * translation, placement and submission of its plan, which depend on this package and not the other
 * way round. flink-edge-connectors registers its implementation in {@code META-INF/services}.
 */
@Internal
public interface PipelineBuilderFactory {

    /** The builder of {@code job}'s operators; one per job. */
    PipelineBuilder create(EdgeStreams job);

    /**
     * The first implementation registered with {@link ServiceLoader}, looked up through this
     * interface's class loader (the one that loaded the connectors, also inside a job jar).
     *
     * @throws IllegalStateException when none is registered
     */
    static PipelineBuilderFactory load() {
        Iterator<PipelineBuilderFactory> found =
                ServiceLoader.load(
                                PipelineBuilderFactory.class,
                                PipelineBuilderFactory.class.getClassLoader())
                        .iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException(
                    "No "
                            + PipelineBuilderFactory.class.getName()
                            + " is registered, so EdgeStreams cannot build operators: put all of"
                            + " flink-edge-connectors on the class path (it lists"
                            + " dev.flinkedge.connectors.pipeline.FlinkPipelineFactory in META-INF/services),"
                            + " and when shading a job jar merge the service files"
                            + " (ServicesResourceTransformer)");
        }
        return found.next();
    }
}

package dev.flinkedge.connectors.runtime;

import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.OperatorCatalog;
import dev.flinkedge.connectors.api.RawSourceFactory;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.registry.client.StreamRegistry;

import org.apache.flink.annotation.Internal;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.function.Supplier;

/** Builds the generic host job that recomputes an orphaned stream from its lineage recipe. */
@Internal
public final class HostJobs {

    private HostJobs() {}

    /**
     * A launcher for {@link StreamSupervisor}: each call builds a fresh job on an environment from
     * {@code envs}, recomputes the stream with {@link EdgeStreams#recompute} and submits it as
     * {@code host:<owner>/<name>}.
     */
    public static StreamSupervisor.HostJobLauncher launcher(
            Supplier<StreamExecutionEnvironment> envs,
            StreamRegistry registry,
            String owner,
            SharedChannel channel,
            RawSourceFactory rawSources,
            OperatorCatalog catalog) {
        return orphan -> {
            EdgeStreams plan =
                    EdgeStreams.on(envs.get(), registry, owner)
                            .withChannel(channel)
                            .withRawSources(rawSources);
            plan.recompute(orphan, catalog);
            return plan.execute("host:" + orphan.ref());
        };
    }
}

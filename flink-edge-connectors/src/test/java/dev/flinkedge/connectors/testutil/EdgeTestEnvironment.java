package dev.flinkedge.connectors.testutil;

import dev.flinkedge.connectors.serialization.EdgeSerialization;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;

import java.util.List;

/**
 * Execution environments for ITCases on a MiniCluster, configured the way flink-edge jobs run:
 * flink-edge serializers registered through {@code pipeline.serialization-config} and generic types
 * disabled. The environment is built directly instead of through {@code getExecutionEnvironment},
 * whose test context applies the configuration twice (which Flink 2.2 rejects for {@code typeinfo}
 * entries, see {@link EdgeSerialization}).
 */
public final class EdgeTestEnvironment {

    private EdgeTestEnvironment() {}

    /** The configuration every flink-edge test job uses, on top of {@code extra}. */
    public static Configuration edgeConfiguration(Configuration extra) {
        Configuration conf = new Configuration(extra);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return EdgeSerialization.configure(conf);
    }

    /** An environment for {@code cluster} with {@link #edgeConfiguration(Configuration)}. */
    public static StreamExecutionEnvironment create(
            MiniCluster cluster, Configuration extra, int parallelism) {
        return new TestStreamEnvironment(
                cluster, edgeConfiguration(extra), parallelism, List.of(), List.of());
    }
}

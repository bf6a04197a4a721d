package dev.flinkedge.connectors.testutil;

import dev.flinkedge.connectors.serialization.EdgeSerialization;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import java.time.Duration;
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

    /**
     * A parallelism-1 environment for {@code cluster} that sends every record at once (buffer
     * timeout 0), for tests that time frames or policy changes.
     */
    public static StreamExecutionEnvironment lowLatency(MiniCluster cluster) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ZERO);
        return create(cluster, conf, 1);
    }

    /** A MiniCluster of one TaskManager with one slot whose metrics {@code reporter} collects. */
    public static MiniClusterExtension oneSlotReportingTo(InMemoryReporter reporter) {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setConfiguration(reporter.addToConfiguration(new Configuration()))
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(1)
                        .build());
    }
}

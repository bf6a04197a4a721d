package dev.flinkedge.jobs;

import dev.flinkedge.connectors.api.EdgeJob;

import org.apache.flink.configuration.ConfigOption;

import java.util.List;

/**
 * A smart-traffic job: an {@link EdgeJob} that also names the result topics it writes, so that
 * {@link EdgeJobLauncher} creates them before submitting, while {@link #define} itself contacts
 * nothing but the registry (tools such as {@code flink-edge plan} define jobs without running
 * them).
 */
public interface TrafficJob extends EdgeJob {

    /** The options naming the topics the job writes its results to. */
    List<ConfigOption<String>> resultTopics();
}

package dev.flinkedge.jobs.bench;

/**
 * Where a benchmark runs: Kafka and a registry with a token per city ({@link #services()}) and a
 * Flink cluster with a CPU meter ({@link #cluster()}). Closing it stops what it started.
 */
public interface BenchEnvironment extends AutoCloseable {

    SharingBenchmark.Services services();

    BenchCluster cluster();
}

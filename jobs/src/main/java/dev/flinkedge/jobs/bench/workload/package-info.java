/**
 * The benchmarks' deterministic stand-in for a model, {@link
 * dev.flinkedge.jobs.bench.workload.SyntheticCost}: CPU burnt per input and a result that depends
 * only on the input, so that a benchmark measures what sharing saves without real models. Benchmark
 * code, left out of the job jar.
 */
package dev.flinkedge.jobs.bench.workload;

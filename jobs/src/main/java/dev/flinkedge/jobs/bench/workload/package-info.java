/**
 * The benchmarks' deterministic stand-in for a model, {@link
 * dev.flinkedge.jobs.bench.workload.SyntheticCost}: CPU burnt per input and a result that depends
 * only on the input, so that a benchmark measures what sharing saves without real models. The only
 * benchmark code in the job jar: the benchmarks on the edge cluster ship it to the TaskManagers in
 * that jar.
 */
package dev.flinkedge.jobs.bench.workload;

/**
 * {@code flink-edge bench scheduler}: the adaptive scheduler's evaluation with the real models on
 * synthetic cameras with ground truth — the pipeline ({@link
 * dev.flinkedge.jobs.bench.scheduler.AnalyseFrames}), the profiling pass ({@link
 * dev.flinkedge.jobs.bench.scheduler.ConfigurationProfiler}), the run with its load step and
 * bandwidth drop ({@link dev.flinkedge.jobs.bench.scheduler.SchedulerBenchmark}) and the scoring
 * against ground truth ({@link dev.flinkedge.jobs.bench.scheduler.Score}).
 */
package dev.flinkedge.jobs.bench.scheduler;

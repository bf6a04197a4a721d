/**
 * {@code flink-edge} commands of the jobs module ({@code demo}, {@code results tail}, {@code bench
 * sharing}, {@code bench scheduler}); left out of the job jar.
 */
package dev.flinkedge.jobs.cli;

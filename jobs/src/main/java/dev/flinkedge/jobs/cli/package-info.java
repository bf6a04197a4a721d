/**
 * {@code flink-edge} commands of the jobs module ({@code demo}, {@code results tail}, {@code bench
 * sharing}); left out of the job jar.
 */
package dev.flinkedge.jobs.cli;

/**
 * {@code flink-edge} commands of the jobs module ({@code results tail}); left out of the job jar.
 */
package dev.flinkedge.jobs.cli;

/**
 * The {@code flink-edge} command line: the entry point {@link dev.flinkedge.jobs.cli.FlinkEdgeCli},
 * its error reporting and converters, {@code demo} and {@code results tail}; the other commands are
 * in sub-packages by concern ({@code registry}, {@code cluster}, {@code scheduler}, {@code k8s},
 * {@code plan}, {@code bench}). The only code of flink-edge that uses picocli; left out of the job
 * jar.
 */
package dev.flinkedge.jobs.cli;

/** The smart-traffic jobs of flink-edge, their models and operators. */
package dev.flinkedge.jobs;

/**
 * The records that flow through flink-edge jobs: camera {@link
 * dev.flinkedge.connectors.model.Frame}s, operator results wrapped in {@link
 * dev.flinkedge.connectors.model.EdgeRecord}, their locations, stage timestamps, ground truth, and
 * the camera policies the scheduler publishes. Value types only: they know their Flink type
 * information (through {@code serialization}) but nothing of the DSL or the runtime.
 */
package dev.flinkedge.connectors.model;

/**
 * The smart-traffic computation as flink-edge operators and their payloads: {@link
 * dev.flinkedge.jobs.traffic.DetectOperator detect} (frames → vehicles with crops), {@link
 * dev.flinkedge.jobs.traffic.PlatesOperator plates}, {@link
 * dev.flinkedge.jobs.traffic.AttributesOperator attributes}, {@link
 * dev.flinkedge.jobs.traffic.CountOperator count} per camera per window, and per-area traffic
 * delivered to vehicles: {@code LeftUnion(areas, counts) | Sum}, then {@code LeftUnion(vehicles,
 * per-area) | Deliver}. Every operator has a catalogue factory, so host jobs rebuild it from
 * lineage.
 */
package dev.flinkedge.jobs.traffic;

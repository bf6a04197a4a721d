/**
 * The smart-traffic jobs of flink-edge, each runnable with {@code flink run -c <class>} from the
 * shaded job jar and listed as an {@link dev.flinkedge.connectors.api.EdgeJob}: {@link
 * dev.flinkedge.jobs.VehicleDetectionJob} (x), {@link dev.flinkedge.jobs.PlateRecognitionJob}
 * (x+a), {@link dev.flinkedge.jobs.AttributeRecognitionJob} (x+b), {@link
 * dev.flinkedge.jobs.VehicleCountJob} and {@link dev.flinkedge.jobs.AreaTrafficJob}. Options:
 * {@link dev.flinkedge.jobs.TrafficJobOptions}.
 */
package dev.flinkedge.jobs;

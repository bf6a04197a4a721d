package dev.flinkedge.jobs;

import dev.flinkedge.connectors.api.PayloadType;
import dev.flinkedge.jobs.traffic.Area;
import dev.flinkedge.jobs.traffic.AreaTraffic;
import dev.flinkedge.jobs.traffic.DetectedVehicle;
import dev.flinkedge.jobs.traffic.PlateReading;
import dev.flinkedge.jobs.traffic.TrafficMessage;
import dev.flinkedge.jobs.traffic.TypeCount;
import dev.flinkedge.jobs.traffic.VehicleAttributes;
import dev.flinkedge.jobs.traffic.VehicleCount;
import dev.flinkedge.jobs.traffic.VehicleDetections;
import dev.flinkedge.jobs.vision.Box;

import java.util.List;

/**
 * The payload classes of the traffic jobs, with their fixed ids in flink-edge's Kryo format. Every
 * traffic operator factory declares this list ({@code payloadTypes()}), so any job with the jar on
 * its class path can decode them; the benchmarks' payloads are declared apart (ids from 1010). Ids
 * are part of the wire format: never change or reuse one.
 */
public final class JobPayloads {

    /** The declared types, ids 1000-1009. */
    public static final List<PayloadType> TYPES =
            List.of(
                    PayloadType.of(1000, VehicleDetections.class),
                    PayloadType.of(1001, DetectedVehicle.class),
                    PayloadType.of(1002, Box.class),
                    PayloadType.of(1003, VehicleCount.class),
                    PayloadType.of(1004, TypeCount.class),
                    PayloadType.of(1005, AreaTraffic.class),
                    PayloadType.of(1006, Area.class),
                    PayloadType.of(1007, PlateReading.class),
                    PayloadType.of(1008, VehicleAttributes.class),
                    PayloadType.of(1009, TrafficMessage.class));

    private JobPayloads() {}
}

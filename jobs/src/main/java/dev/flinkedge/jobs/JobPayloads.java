package dev.flinkedge.jobs;

import dev.flinkedge.connectors.api.PayloadType;
import dev.flinkedge.jobs.bench.scheduler.DetectedObject;
import dev.flinkedge.jobs.bench.scheduler.FrameAnalysis;
import dev.flinkedge.jobs.bench.workload.SyntheticResult;
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
 * The payload classes of this jar's jobs, with their fixed ids in flink-edge's Kryo format. Every
 * operator factory of the jar declares this list ({@code payloadTypes()}), so any job with the jar
 * on its class path can decode them. Ids are part of the wire format: never change or reuse one.
 */
public final class JobPayloads {

    /** The declared types, ids 1000-1099. */
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
                    PayloadType.of(1009, TrafficMessage.class),
                    PayloadType.of(1010, SyntheticResult.class),
                    PayloadType.of(1011, FrameAnalysis.class),
                    PayloadType.of(1012, DetectedObject.class));

    private JobPayloads() {}
}

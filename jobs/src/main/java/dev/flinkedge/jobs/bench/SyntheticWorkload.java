package dev.flinkedge.jobs.bench;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.RawSourceFactory;
import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.jobs.bench.workload.SyntheticCost;
import dev.flinkedge.jobs.bench.workload.SyntheticResult;

import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.time.Duration;
import java.util.Objects;

/**
 * The benchmark's stand-in models: detection burns {@code detectCost} of CPU per frame, recognition
 * and attributes 5 ms per detection result; frames come from generated cameras.
 */
public final class SyntheticWorkload implements SharingWorkload<EdgeRecord<SyntheticResult>> {

    private static final Duration RECOGNISE_COST = Duration.ofMillis(5);

    private final Duration detectCost;

    public SyntheticWorkload(Duration detectCost) {
        this.detectCost = Objects.requireNonNull(detectCost, "detectCost");
    }

    @Override
    public String describe() {
        return "synthetic detect " + detectCost.toMillis() + " ms/frame";
    }

    @Override
    public EdgeOperator<EdgeData, EdgeRecord<SyntheticResult>> detect() {
        return new SyntheticCost(DETECT, detectCost);
    }

    @Override
    public EdgeOperator<EdgeData, EdgeRecord<SyntheticResult>> recognise() {
        return new SyntheticCost("recognise", RECOGNISE_COST);
    }

    @Override
    public EdgeOperator<EdgeData, EdgeRecord<SyntheticResult>> attributes() {
        return new SyntheticCost("attributes", RECOGNISE_COST);
    }

    @Override
    public TypeInformation<EdgeRecord<SyntheticResult>> vehiclesType() {
        return SyntheticCost.OUTPUT;
    }

    @Override
    public RawSourceFactory cameras(double fps) {
        return new GeneratedCameras(fps);
    }
}

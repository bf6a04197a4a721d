package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.StageTimes;

import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The area set of the traffic job (the paper's "area collection": which roads there are and where)
 * as a stream: for every input record it announces each configured {@link Area}, keyed by the area,
 * located at its centre, at the input's event time. Driven by the count stream, it announces the
 * areas at the pace at which counts arrive, so the grouping {@code LeftUnion(areas, counts)} knows
 * them before it has counts to group, without reading any camera. Parameters: the areas, sorted by
 * id.
 */
public final class AreasOperator extends MapOperator<EdgeData, EdgeRecord<Area>> {
    private static final long serialVersionUID = 1L;

    /** Catalogue name. */
    public static final String NAME = "areas";

    /** Version: bump when the output changes for the same input. */
    public static final String VERSION = "1";

    /** Output type. */
    public static final TypeInformation<EdgeRecord<Area>> OUTPUT =
            TypeInformation.of(new TypeHint<EdgeRecord<Area>>() {});

    private final List<Area> areas;

    /**
     * @param areas at least one, ids unique
     */
    public AreasOperator(List<Area> areas) {
        super(
                NAME,
                VERSION,
                Map.of(
                        "areas",
                        String.join(";", Area.sorted(areas).stream().map(Area::format).toList())),
                OUTPUT);
        this.areas = Area.sorted(areas);
    }

    /** The areas, sorted by id. */
    public List<Area> areas() {
        return areas;
    }

    @Override
    public void process(EdgeData in, Collector<EdgeRecord<Area>> out) {
        for (Area a : areas) {
            out.collect(
                    new EdgeRecord<>(
                            a.id(), a.id(), a.centre(), in.eventTimeMs(), StageTimes.empty(), a));
        }
    }

    /** Rebuilds the operator from lineage. */
    public static final class Factory extends TrafficOperatorFactory {
        private static final long serialVersionUID = 1L;

        public Factory() {
            super(NAME, VERSION);
        }

        @Override
        public EdgeOperator<?, ?> create(Map<String, String> params) {
            return new AreasOperator(
                    Area.parseAll(
                            Arrays.asList(
                                    TrafficParams.required(NAME, params, "areas").split(";"))));
        }
    }
}

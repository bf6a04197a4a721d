package dev.flinkedge.connectors.runtime;

import dev.flinkedge.connectors.api.AreaRule;
import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.GeoPoint;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

import java.util.Map;

/**
 * Runs LeftUnion: the left (area) records are broadcast and kept as the latest location per left
 * key; each right record is emitted once per area within the rule's radius, re-keyed to that area.
 * Brute force over areas: fine for city-scale area counts (hundreds), and exact.
 */
@Internal
public final class LeftUnionFunction<A extends EdgeData, T extends EdgeRecord<?>>
        extends BroadcastProcessFunction<T, A, T> {
    private static final long serialVersionUID = 1L;

    /** Latest area centre per left key: "lat,lon". */
    public static final MapStateDescriptor<String, String> AREAS =
            new MapStateDescriptor<>("leftUnionAreas", Types.STRING, Types.STRING);

    private final AreaRule rule;

    public LeftUnionFunction(AreaRule rule) {
        this.rule = rule;
    }

    @Override
    public void processBroadcastElement(A area, Context ctx, Collector<T> out) throws Exception {
        if (rule.admits(area.key())) {
            BroadcastState<String, String> areas = ctx.getBroadcastState(AREAS);
            areas.put(area.key(), area.location().lat() + "," + area.location().lon());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(T record, ReadOnlyContext ctx, Collector<T> out) throws Exception {
        for (Map.Entry<String, String> a : ctx.getBroadcastState(AREAS).immutableEntries()) {
            String[] ll = a.getValue().split(",");
            GeoPoint centre = new GeoPoint(Double.parseDouble(ll[0]), Double.parseDouble(ll[1]));
            if (centre.distanceMetres(record.location()) <= rule.radiusMetres()) {
                out.collect((T) record.withKey(a.getKey()));
            }
        }
    }
}

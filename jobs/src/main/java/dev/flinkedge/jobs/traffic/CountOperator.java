package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.WindowOperator;
import dev.flinkedge.connectors.model.EdgeRecord;

import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vehicle count: the vehicles one camera saw in one fixed window (the paper's {@code FWindow |
 * VCnt}). Input: the detection records of a camera in the window; output: one {@link VehicleCount}
 * per camera and window, stamped at the window's last millisecond so that a following window of the
 * same size puts it in the same window.
 */
public final class CountOperator
        extends WindowOperator<EdgeRecord<VehicleDetections>, EdgeRecord<VehicleCount>> {
    private static final long serialVersionUID = 1L;

    /** Catalogue name. */
    public static final String NAME = "count";

    /** Version: bump when the output changes for the same input. */
    public static final String VERSION = "1";

    /** Output type. */
    public static final TypeInformation<EdgeRecord<VehicleCount>> OUTPUT =
            TypeInformation.of(new TypeHint<EdgeRecord<VehicleCount>>() {});

    public CountOperator() {
        super(NAME, VERSION, Map.of("unit", "sightings"), OUTPUT);
    }

    @Override
    public void process(
            String key,
            long start,
            long end,
            Iterable<EdgeRecord<VehicleDetections>> in,
            Collector<EdgeRecord<VehicleCount>> out) {
        int frames = 0;
        int vehicles = 0;
        int peak = 0;
        Map<String, Integer> byType = new TreeMap<>();
        EdgeRecord<VehicleDetections> last = null;
        for (EdgeRecord<VehicleDetections> r : in) {
            frames++;
            List<DetectedVehicle> seen = r.payload().vehicles();
            vehicles += seen.size();
            peak = Math.max(peak, seen.size());
            seen.forEach(v -> byType.merge(v.label(), 1, Integer::sum));
            if (last == null || r.eventTimeMs() >= last.eventTimeMs()) {
                last = r;
            }
        }
        if (last == null) {
            return;
        }
        List<TypeCount> types = new ArrayList<>();
        byType.forEach((type, n) -> types.add(new TypeCount(type, n)));
        VehicleCount count = new VehicleCount(start, end, frames, vehicles, peak, types);
        out.collect(
                new EdgeRecord<>(
                        last.sourceId(),
                        key,
                        last.location(),
                        end - 1,
                        last.stageTimes().with(NAME, System.currentTimeMillis()),
                        count));
    }

    /** Rebuilds the operator from lineage. */
    public static final class Factory extends TrafficOperatorFactory {
        private static final long serialVersionUID = 1L;

        public Factory() {
            super(NAME, VERSION);
        }

        @Override
        public EdgeOperator<?, ?> create(Map<String, String> params) {
            return new CountOperator();
        }
    }
}

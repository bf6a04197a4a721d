package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.WindowOperator;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.GeoPoint;

import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sum: the traffic of one area in one window, from the counts that {@code LeftUnion(areas, counts)}
 * re-keyed to that area. The output is located at the centroid of the counted cameras (the area a
 * derived sequence covers is the union of its inputs' areas) and stamped at the window's last
 * millisecond.
 */
public final class SumOperator
        extends WindowOperator<EdgeRecord<VehicleCount>, EdgeRecord<AreaTraffic>> {
    private static final long serialVersionUID = 1L;

    /** Catalogue name. */
    public static final String NAME = "sum";

    /** Version: bump when the output changes for the same input. */
    public static final String VERSION = "1";

    /** Output type. */
    public static final TypeInformation<EdgeRecord<AreaTraffic>> OUTPUT =
            TypeInformation.of(new TypeHint<EdgeRecord<AreaTraffic>>() {});

    public SumOperator() {
        super(NAME, VERSION, Map.of(), OUTPUT);
    }

    @Override
    public void process(
            String area,
            long start,
            long end,
            Iterable<EdgeRecord<VehicleCount>> in,
            Collector<EdgeRecord<AreaTraffic>> out) {
        Map<String, GeoPoint> cameras = new TreeMap<>();
        int frames = 0;
        int vehicles = 0;
        double meanInView = 0;
        EdgeRecord<VehicleCount> last = null;
        for (EdgeRecord<VehicleCount> r : in) {
            cameras.put(r.sourceId(), r.location());
            frames += r.payload().frames();
            vehicles += r.payload().vehicles();
            meanInView += r.payload().meanInView();
            if (last == null || r.eventTimeMs() >= last.eventTimeMs()) {
                last = r;
            }
        }
        if (last == null) {
            return;
        }
        AreaTraffic traffic =
                new AreaTraffic(
                        area,
                        start,
                        end,
                        List.copyOf(cameras.keySet()),
                        frames,
                        vehicles,
                        meanInView);
        out.collect(
                new EdgeRecord<>(
                        area,
                        area,
                        centroid(cameras.values()),
                        end - 1,
                        last.stageTimes().with(NAME, System.currentTimeMillis()),
                        traffic));
    }

    /** Mean latitude and longitude: exact enough for points a few kilometres apart. */
    static GeoPoint centroid(Iterable<GeoPoint> points) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        for (GeoPoint p : points) {
            lat += p.lat();
            lon += p.lon();
            n++;
        }
        return new GeoPoint(lat / n, lon / n);
    }

    /** Rebuilds the operator from lineage. */
    public static final class Factory extends TrafficOperatorFactory {
        private static final long serialVersionUID = 1L;

        public Factory() {
            super(NAME, VERSION);
        }

        @Override
        public EdgeOperator<?, ?> create(Map<String, String> params) {
            return new SumOperator();
        }
    }
}

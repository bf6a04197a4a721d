package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.model.EdgeRecord;

import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

import java.util.Map;

/**
 * Deliver: turns an area's traffic that {@code LeftUnion(vehicles, per-area traffic)} re-keyed to a
 * nearby vehicle into the message for that vehicle, keyed by it.
 */
public final class DeliverOperator
        extends MapOperator<EdgeRecord<AreaTraffic>, EdgeRecord<TrafficMessage>> {
    private static final long serialVersionUID = 1L;

    /** Catalogue name. */
    public static final String NAME = "deliver";

    /** Version: bump when the output changes for the same input. */
    public static final String VERSION = "1";

    /** Output type. */
    public static final TypeInformation<EdgeRecord<TrafficMessage>> OUTPUT =
            TypeInformation.of(new TypeHint<EdgeRecord<TrafficMessage>>() {});

    public DeliverOperator() {
        super(NAME, VERSION, Map.of(), OUTPUT);
    }

    @Override
    public void process(EdgeRecord<AreaTraffic> in, Collector<EdgeRecord<TrafficMessage>> out) {
        AreaTraffic t = in.payload();
        out.collect(
                in.withPayload(
                                new TrafficMessage(
                                        in.key(),
                                        t.area(),
                                        t.windowStartMs(),
                                        t.windowEndMs(),
                                        t.cameras(),
                                        t.vehicles(),
                                        t.meanInView()))
                        .withStage(NAME, System.currentTimeMillis()));
    }

    /** Rebuilds the operator from lineage. */
    public static final class Factory extends TrafficOperatorFactory {
        private static final long serialVersionUID = 1L;

        public Factory() {
            super(NAME, VERSION);
        }

        @Override
        public EdgeOperator<?, ?> create(Map<String, String> params) {
            return new DeliverOperator();
        }
    }
}

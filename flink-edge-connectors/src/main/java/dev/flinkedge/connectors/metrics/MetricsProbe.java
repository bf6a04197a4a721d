package dev.flinkedge.connectors.metrics;

import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.routing.RouteStamp;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.util.List;

/**
 * Reads what the pipeline metrics need from a result record. {@link #edgeData()} fits every
 * flink-edge record; implement it for other types.
 *
 * @param <T> the record type at the end of the pipeline
 */
@PublicEvolving
public interface MetricsProbe<T> extends Serializable {

    /** The camera the record comes from. */
    String cameraId(T record);

    /** When the record's frame was captured, epoch millis. */
    long captureTimeMs(T record);

    /** The frame's sequence number, or -1 when the record does not carry one. */
    long sequence(T record);

    /** The route stamps of the record's frame, in stamp order; empty when it was never routed. */
    List<RouteStamp> routes(T record);

    /**
     * The probe for {@link EdgeData}: camera = source id; capture time = the {@code capture} stage,
     * else the event time; sequence = a {@link Frame}'s own, else the one its route stamp carries.
     */
    static <T extends EdgeData> MetricsProbe<T> edgeData() {
        return new EdgeDataProbe<>();
    }

    /** See {@link #edgeData()}. */
    final class EdgeDataProbe<T extends EdgeData> implements MetricsProbe<T> {
        private static final long serialVersionUID = 1L;

        /** The stage camera sources stamp when they capture a frame. */
        static final String CAPTURE_STAGE = "capture";

        private EdgeDataProbe() {}

        @Override
        public String cameraId(T record) {
            return record.sourceId();
        }

        @Override
        public long captureTimeMs(T record) {
            long capture = record.stageTimes().get(CAPTURE_STAGE);
            return capture >= 0 ? capture : record.eventTimeMs();
        }

        @Override
        public long sequence(T record) {
            if (record instanceof Frame frame) {
                return frame.sequence();
            }
            return RouteStamp.last(record.stageTimes()).map(RouteStamp::sequence).orElse(-1L);
        }

        @Override
        public List<RouteStamp> routes(T record) {
            return RouteStamp.all(record.stageTimes());
        }
    }
}

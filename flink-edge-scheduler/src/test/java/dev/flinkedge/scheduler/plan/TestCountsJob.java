package dev.flinkedge.scheduler.plan;

import dev.flinkedge.connectors.api.EdgeJob;
import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.WindowOperator;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.testutil.Tagged;
import dev.flinkedge.connectors.testutil.TaggingOperator;

import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.Map;

/**
 * A small packaged job for the placement tests: cameras → detect (record at a time, then discarded)
 * → vehicles per camera per second (keyed), written at the cloud. Listed in the test resources'
 * {@code META-INF/services/dev.flinkedge.connectors.api.EdgeJob}.
 */
public final class TestCountsJob implements EdgeJob {

    /** The RAW stream of camera frames the job reads. */
    public static final ConfigOption<String> CAMERAS =
            ConfigOptions.key("cameras.stream")
                    .stringType()
                    .defaultValue("Video")
                    .withDescription("RAW stream of the cameras.");

    /** The operator of the stream it derives first. */
    public static TaggingOperator detect() {
        return new TaggingOperator("detect");
    }

    @Override
    public String name() {
        return "test-counts";
    }

    @Override
    public String description() {
        return "detects vehicles at each camera's site and counts them per camera per second";
    }

    @Override
    public void define(EdgeStreams streams, Configuration config) {
        EdgeStream<EdgeRecord<Tagged>> cars =
                streams.derive("Cars", detect(), streams.importStream(config.get(CAMERAS)));
        cars.sinkTo(new DiscardingSink<>());
        streams.derive("Counts", new CountPerWindow(), cars.fixedWindow(Duration.ofSeconds(1)))
                .sinkTo(new DiscardingSink<>(), "cloud");
    }

    /** Vehicles per camera per window: a keyed operator, placed where its inputs meet. */
    public static final class CountPerWindow
            extends WindowOperator<EdgeRecord<Tagged>, EdgeRecord<Long>> {
        private static final long serialVersionUID = 1L;

        public CountPerWindow() {
            super("count", "1", Map.of(), TypeInformation.of(new TypeHint<EdgeRecord<Long>>() {}));
        }

        @Override
        public void process(
                String key,
                long start,
                long end,
                Iterable<EdgeRecord<Tagged>> in,
                Collector<EdgeRecord<Long>> out) {
            long n = 0;
            EdgeRecord<Tagged> last = null;
            for (EdgeRecord<Tagged> r : in) {
                n++;
                last = r;
            }
            out.collect(last.withPayload(n));
        }
    }
}

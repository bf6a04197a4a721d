package dev.flinkedge.connectors.source.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.serialization.EdgeCodec;
import dev.flinkedge.connectors.serialization.ForgedBytes;
import dev.flinkedge.connectors.testutil.Samples;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.Collector;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records of a shared topic that cannot be decoded are skipped and counted, never fatal. */
class SharedRecordDeserializerTest {

    private final Map<String, Counter> counters = new HashMap<>();

    @Test
    void undecodableRecordsAreSkippedAndCounted() throws Exception {
        SharedRecordDeserializer<EdgeRecord<Object>> deserializer =
                new SharedRecordDeserializer<>(
                        TypeInformation.of(new TypeHint<EdgeRecord<Object>>() {}));
        deserializer.open(context());
        EdgeCodec<EdgeRecord<Object>> codec = EdgeCodec.edgeRecords();
        List<EdgeRecord<Object>> out = new ArrayList<>();
        Collector<EdgeRecord<Object>> collector =
                new Collector<>() {
                    @Override
                    public void collect(EdgeRecord<Object> record) {
                        out.add(record);
                    }

                    @Override
                    public void close() {}
                };

        List<byte[]> values =
                List.of(
                        codec.encode(Samples.record("first")),
                        ForgedBytes.recordNamingForeignClass(),
                        ForgedBytes.recordWithByteArrayLength(ForgedBytes.HUGE),
                        new byte[] {2, 1},
                        codec.encode(Samples.record("last")));
        long offset = 0;
        for (byte[] value : values) {
            deserializer.deserialize(
                    new ConsumerRecord<>("stream-topic", 0, offset++, null, value), collector);
        }

        assertThat(out).extracting(EdgeRecord::payload).containsExactly("first", "last");
        assertThat(counters.get(SharedRecordDeserializer.RECORDS_UNDECODABLE).getCount())
                .isEqualTo(3);
    }

    private DeserializationSchema.InitializationContext context() {
        MetricGroup group =
                new UnregisteredMetricsGroup() {
                    @Override
                    public Counter counter(String name) {
                        return counter(name, new SimpleCounter());
                    }

                    @Override
                    public <C extends Counter> C counter(String name, C counter) {
                        counters.put(name, counter);
                        return counter;
                    }
                };
        return new DeserializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return group;
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
            }
        };
    }
}

package dev.flinkedge.connectors.testutil;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sink for MiniCluster tests that appends every record, with its arrival time, to a named list in
 * this JVM.
 */
public final class CollectingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, List<Arrival<?>>> RECEIVED = new ConcurrentHashMap<>();

    /**
     * A received record.
     *
     * @param value the record
     * @param atMs when it arrived, epoch millis
     */
    public record Arrival<T>(T value, long atMs) {}

    private final String name;

    public CollectingSink(String name) {
        this.name = name;
        RECEIVED.put(name, new CopyOnWriteArrayList<>());
    }

    /** What the sink called {@code name} received so far. */
    @SuppressWarnings("unchecked")
    public static <T> List<Arrival<T>> received(String name) {
        return (List<Arrival<T>>) (List<?>) List.copyOf(RECEIVED.getOrDefault(name, List.of()));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        List<Arrival<?>> target = RECEIVED.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>());
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                target.add(new Arrival<>(element, System.currentTimeMillis()));
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}

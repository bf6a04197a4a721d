package dev.flinkedge.connectors.model;

import dev.flinkedge.connectors.serialization.EdgeRecordTypeInfoFactory;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Objects;

/**
 * A derived record: a payload (a detected vehicle, a plate, a count) plus the edge metadata of the
 * data it was computed from. Immutable. Serialized by flink-edge's Kryo serializer wherever Flink
 * meets the type, payload included.
 *
 * @param <T> payload type
 */
@TypeInfo(EdgeRecordTypeInfoFactory.class)
@PublicEvolving
public final class EdgeRecord<T> implements EdgeData, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String sourceId;
    private final String key;
    private final GeoPoint location;
    private final long eventTimeMs;
    private final StageTimes stageTimes;
    private final T payload;

    public EdgeRecord(
            String sourceId,
            String key,
            GeoPoint location,
            long eventTimeMs,
            StageTimes stageTimes,
            T payload) {
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
        this.key = Objects.requireNonNull(key, "key");
        this.location = Objects.requireNonNull(location, "location");
        this.eventTimeMs = eventTimeMs;
        this.stageTimes = stageTimes == null ? StageTimes.empty() : stageTimes;
        this.payload = Objects.requireNonNull(payload, "payload");
    }

    /** A record about {@code from}, carrying its metadata and {@code payload}. */
    public static <T> EdgeRecord<T> derivedFrom(EdgeData from, T payload) {
        return new EdgeRecord<>(
                from.sourceId(),
                from.key(),
                from.location(),
                from.eventTimeMs(),
                from.stageTimes(),
                payload);
    }

    @Override
    public String sourceId() {
        return sourceId;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public GeoPoint location() {
        return location;
    }

    @Override
    public long eventTimeMs() {
        return eventTimeMs;
    }

    @Override
    public StageTimes stageTimes() {
        return stageTimes;
    }

    public T payload() {
        return payload;
    }

    /** A copy with another payload. */
    public <U> EdgeRecord<U> withPayload(U newPayload) {
        return new EdgeRecord<>(sourceId, key, location, eventTimeMs, stageTimes, newPayload);
    }

    /** A copy re-keyed to {@code newKey}. */
    public EdgeRecord<T> withKey(String newKey) {
        return new EdgeRecord<>(sourceId, newKey, location, eventTimeMs, stageTimes, payload);
    }

    /** A copy stamped with {@code stage} at {@code epochMillis}. */
    public EdgeRecord<T> withStage(String stage, long epochMillis) {
        return new EdgeRecord<>(
                sourceId, key, location, eventTimeMs, stageTimes.with(stage, epochMillis), payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeRecord<?> r
                && eventTimeMs == r.eventTimeMs
                && sourceId.equals(r.sourceId)
                && key.equals(r.key)
                && location.equals(r.location)
                && stageTimes.equals(r.stageTimes)
                && payload.equals(r.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceId, key, eventTimeMs, payload);
    }

    @Override
    public String toString() {
        return "EdgeRecord{" + sourceId + "/" + key + " @" + eventTimeMs + " " + payload + "}";
    }
}

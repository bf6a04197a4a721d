package dev.flinkedge.registry.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.Serializable;

/**
 * What a client asks to register: everything of a {@link StreamDescriptor} that the client decides.
 * The registry adds the owner (the caller), status, topic, fingerprint, grants and subscriptions.
 *
 * @param name stream name, unique per owner
 * @param type RAW, VIRTUAL or DERIVED
 * @param window time grouping; defaults to none
 * @param serializer record format on the topic; defaults to KRYO
 * @param payloadType the Java (or schema) type of the payload, informational
 * @param guarantee delivery guarantee; defaults to LIVE
 * @param lineage operator and parents, required for (and only for) DERIVED
 * @param source devices or areas, required for (and only for) RAW
 * @param durable whether the tap writes even without subscribers
 * @param partitions partitions of the stream's topic; defaults to 1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamSpec(
        String name,
        StreamType type,
        WindowSpec window,
        SerializerFormat serializer,
        String payloadType,
        Guarantee guarantee,
        Lineage lineage,
        SourceSpec source,
        Boolean durable,
        Integer partitions)
        implements Serializable {

    private static final int MAX_PARTITIONS = 1024;

    public StreamSpec {
        Names.checkStreamName("name", name);
        if (type == null) {
            throw new InvalidFieldException("type", "is required (RAW, VIRTUAL or DERIVED)");
        }
        window = window == null ? WindowSpec.none() : window;
        serializer = serializer == null ? SerializerFormat.KRYO : serializer;
        guarantee = guarantee == null ? Guarantee.LIVE : guarantee;
        durable = durable != null && durable;
        partitions = partitions == null ? 1 : partitions;
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new InvalidFieldException(
                    "partitions", partitions + " is outside [1, " + MAX_PARTITIONS + "]");
        }
        if (payloadType != null && payloadType.length() > 512) {
            throw new InvalidFieldException("payloadType", "longer than 512 characters");
        }
        switch (type) {
            case DERIVED -> {
                if (lineage == null) {
                    throw new InvalidFieldException(
                            "lineage", "is required for a DERIVED stream (operator and parents)");
                }
                if (source != null) {
                    throw new InvalidFieldException(
                            "source",
                            "only RAW streams have a source; DERIVED ones have a lineage");
                }
            }
            case RAW -> {
                if (source == null) {
                    throw new InvalidFieldException(
                            "source", "is required for a RAW stream (devices or areas)");
                }
                if (lineage != null) {
                    throw new InvalidFieldException(
                            "lineage", "only DERIVED streams have a lineage");
                }
            }
            case VIRTUAL -> {
                if (source != null || lineage != null) {
                    throw new InvalidFieldException(
                            source != null ? "source" : "lineage",
                            "a VIRTUAL stream has neither source nor lineage");
                }
            }
        }
    }

    /** Starts a builder for a stream called {@code name}. */
    public static Builder builder(String name, StreamType type) {
        return new Builder(name, type);
    }

    /** Returns a copy whose lineage is {@code resolved}. */
    public StreamSpec withLineage(Lineage resolved) {
        return new StreamSpec(
                name,
                type,
                window,
                serializer,
                payloadType,
                guarantee,
                resolved,
                source,
                durable,
                partitions);
    }

    /** Builder for {@link StreamSpec}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final String name;
        private final StreamType type;
        private WindowSpec window;
        private SerializerFormat serializer;
        private String payloadType;
        private Guarantee guarantee;
        private Lineage lineage;
        private SourceSpec source;
        private Boolean durable;
        private Integer partitions;

        private Builder(String name, StreamType type) {
            this.name = name;
            this.type = type;
        }

        public Builder window(WindowSpec window) {
            this.window = window;
            return this;
        }

        public Builder serializer(SerializerFormat serializer) {
            this.serializer = serializer;
            return this;
        }

        public Builder payloadType(String payloadType) {
            this.payloadType = payloadType;
            return this;
        }

        public Builder guarantee(Guarantee guarantee) {
            this.guarantee = guarantee;
            return this;
        }

        public Builder lineage(Lineage lineage) {
            this.lineage = lineage;
            return this;
        }

        public Builder source(SourceSpec source) {
            this.source = source;
            return this;
        }

        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        public StreamSpec build() {
            return new StreamSpec(
                    name,
                    type,
                    window,
                    serializer,
                    payloadType,
                    guarantee,
                    lineage,
                    source,
                    durable,
                    partitions);
        }
    }
}

package dev.flinkedge.connectors.api;

import org.apache.flink.annotation.PublicEvolving;

import java.util.Objects;

/**
 * A class that may travel inside an {@code EdgeRecord} (a payload, or a class a payload holds),
 * with the fixed id that stands for it in the bytes. flink-edge decodes only the classes of its
 * model, a few JDK basics and the payload types its operator catalogue declares ({@link
 * EdgeOperatorFactory#payloadTypes()}); anything else on a shared topic is refused.
 *
 * <p>An id is part of the wire format, like a protobuf field number: every job writing or reading a
 * stream must use the same id for a class, and an id must never be reused for another class.
 *
 * <p>The class must be a record, an enum, or have a no-arg constructor (Kryo's field serializer
 * fills in its fields); its fields may hold other declared types, flink-edge's model types, boxed
 * primitives, strings, primitive arrays and the JDK's lists, sets and maps.
 *
 * @param id the class's id in the bytes, at least {@link #MIN_ID}
 * @param type the class
 */
@PublicEvolving
public record PayloadType(int id, Class<?> type) {

    /** Ids below this belong to flink-edge's own model and JDK types. */
    public static final int MIN_ID = 1000;

    public PayloadType {
        Objects.requireNonNull(type, "type");
        if (id < MIN_ID) {
            throw new IllegalArgumentException(
                    "Payload id "
                            + id
                            + " of "
                            + type.getName()
                            + " is below "
                            + MIN_ID
                            + "; ids below it are flink-edge's own. Pick an unused id >= "
                            + MIN_ID);
        }
        if (type.isPrimitive() || type.isArray() || type.isInterface()) {
            throw new IllegalArgumentException(
                    "Payload type "
                            + type.getName()
                            + " must be a concrete class, record or enum; primitives, arrays and"
                            + " strings are allowed without a declaration");
        }
    }

    /** Shorthand for {@code new PayloadType(id, type)}. */
    public static PayloadType of(int id, Class<?> type) {
        return new PayloadType(id, type);
    }
}

package dev.flinkedge.connectors.link;

import dev.flinkedge.connectors.model.Frame;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;

/**
 * How many bytes a record occupies on a link.
 *
 * @param <T> the record type
 */
@PublicEvolving
@FunctionalInterface
public interface RecordSize<T> extends Serializable {

    /** The record's size in bytes on the wire, {@code >= 0}. */
    long bytes(T record);

    /** A frame's encoded image; the metadata's few dozen bytes are left out. */
    static RecordSize<Frame> frames() {
        return frame -> frame.image().length;
    }
}

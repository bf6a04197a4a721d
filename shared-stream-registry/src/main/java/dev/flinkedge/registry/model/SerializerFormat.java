package dev.flinkedge.registry.model;

/** Wire format of the records of a stream on its Kafka topic. Part of the lineage fingerprint. */
public enum SerializerFormat {
    KRYO,
    JSON,
    PROTOBUF
}

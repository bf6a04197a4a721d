package dev.flinkedge.connectors.serialization;

import dev.flinkedge.connectors.model.EdgeRecord;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.lang.reflect.Type;
import java.util.Map;

/**
 * Tells Flink's type extraction to describe {@code EdgeRecord<T>} with {@link EdgeTypeInfo},
 * whatever {@code T} is (Kryo writes the payload, so even payloads Flink would treat as generic
 * types work with {@code pipeline.generic-types: false}). Registered through {@code
 * pipeline.serialization-config} by {@link EdgeSerialization}.
 */
@PublicEvolving
public final class EdgeRecordTypeInfoFactory extends TypeInfoFactory<EdgeRecord<?>> {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeInformation<EdgeRecord<?>> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return (TypeInformation) EdgeTypeInfo.edgeRecords(Object.class);
    }
}

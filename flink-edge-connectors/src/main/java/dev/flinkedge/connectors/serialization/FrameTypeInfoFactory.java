package dev.flinkedge.connectors.serialization;

import dev.flinkedge.connectors.model.Frame;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.lang.reflect.Type;
import java.util.Map;

/**
 * Tells Flink's type extraction to describe {@link Frame} with {@link EdgeTypeInfo}. Registered
 * through {@code pipeline.serialization-config} by {@link EdgeSerialization}.
 */
@PublicEvolving
public final class FrameTypeInfoFactory extends TypeInfoFactory<Frame> {

    @Override
    public TypeInformation<Frame> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return EdgeTypeInfo.frames();
    }
}

package dev.flinkedge.registry.rest;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import dev.flinkedge.registry.errors.Errors;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rejects request fields the target type does not have, before binding. Jackson reports unknown
 * fields of records only after building the record, so a misspelt field ({@code "sorce"}) would
 * otherwise surface as the validation error of the field it was meant to be ("source is required")
 * — a message that hides the typo.
 */
final class KnownFields {

    private KnownFields() {}

    /** Throws 40002 naming the first field of {@code node} that {@code type} does not know. */
    static void check(ObjectMapper mapper, JavaType type, JsonNode node) {
        check(mapper, type, node, "");
    }

    private static void check(ObjectMapper mapper, JavaType type, JsonNode node, String path) {
        if (node == null || type == null) {
            return;
        }
        if (node.isArray()) {
            if (type.isCollectionLikeType() || type.isArrayType()) {
                for (int i = 0; i < node.size(); i++) {
                    check(mapper, type.getContentType(), node.get(i), path + "[" + i + "]");
                }
            }
            return;
        }
        if (!node.isObject()
                || type.isMapLikeType()
                || type.isContainerType()
                || type.isJavaLangObject()
                || type.isEnumType()
                || type.getRawClass().getName().startsWith("java.")) {
            return;
        }
        BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
        Map<String, BeanPropertyDefinition> known = new TreeMap<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            known.put(p.getName(), p);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            BeanPropertyDefinition p = known.get(f.getKey());
            if (p == null) {
                throw Errors.unknownField(at, String.join(", ", known.keySet()));
            }
            check(mapper, p.getPrimaryType(), f.getValue(), at);
        }
    }
}

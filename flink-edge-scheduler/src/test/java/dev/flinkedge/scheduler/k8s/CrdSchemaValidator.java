package dev.flinkedge.scheduler.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates custom resources against the {@code openAPIV3Schema} of a CustomResourceDefinition, as
 * the Kubernetes API server does with strict field validation: besides types, enums and required
 * fields, a field the schema does not declare is an error unless its object is marked {@code
 * x-kubernetes-preserve-unknown-fields}. The other {@code x-kubernetes-*} extensions are
 * annotations. {@code apiVersion}, {@code kind} and {@code metadata} are left to the API server.
 */
final class CrdSchemaValidator {

    private static final String META_SCHEMA_URI = "https://flinkedge.dev/schema/k8s-openapi-v3";
    private static final List<String> EXTENSIONS =
            List.of(
                    "x-kubernetes-preserve-unknown-fields",
                    "x-kubernetes-int-or-string",
                    "x-kubernetes-embedded-resource",
                    "x-kubernetes-list-type",
                    "x-kubernetes-list-map-keys",
                    "x-kubernetes-map-type",
                    "x-kubernetes-validations");

    private final String kind;
    private final Map<String, JsonSchema> schemasByApiVersion;

    private CrdSchemaValidator(String kind, Map<String, JsonSchema> schemasByApiVersion) {
        this.kind = kind;
        this.schemasByApiVersion = schemasByApiVersion;
    }

    /**
     * Reads a CRD file.
     *
     * @param crdFile a YAML {@code CustomResourceDefinition} of {@code apiextensions.k8s.io/v1}
     * @return a validator for every served version of the CRD's kind
     */
    static CrdSchemaValidator load(Path crdFile) {
        JsonNode crd;
        try {
            crd = Manifests.YAML.readTree(crdFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CRD " + crdFile + ": " + e.getMessage(), e);
        }
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText();
        String kind = spec.path("names").path("kind").asText();
        JsonSchemaFactory factory = factory();
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (JsonNode version : spec.path("versions")) {
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (version.path("served").asBoolean(true) && schema.isObject()) {
                ObjectNode strict = schema.deepCopy();
                disallowUndeclaredFields(strict);
                strict.put("$schema", META_SCHEMA_URI);
                schemas.put(group + "/" + version.path("name").asText(), factory.getSchema(strict));
            }
        }
        if (kind.isEmpty() || schemas.isEmpty()) {
            throw new IllegalArgumentException(
                    crdFile
                            + " is not a CustomResourceDefinition with"
                            + " spec.names.kind and a served version with schema.openAPIV3Schema");
        }
        return new CrdSchemaValidator(kind, Map.copyOf(schemas));
    }

    /** The kind of the CRD, e.g. {@code FlinkDeployment}. */
    String kind() {
        return kind;
    }

    /**
     * Validates one resource.
     *
     * @param resource a parsed manifest document of this CRD's kind
     * @return one line per error, each naming the field by its JSON path ({@code $.spec.mode:
     *     ...}); empty when the resource is valid
     */
    List<String> validate(JsonNode resource) {
        if (!kind.equals(resource.path("kind").asText())) {
            return List.of("$.kind: is '" + resource.path("kind").asText() + "', expected " + kind);
        }
        String apiVersion = resource.path("apiVersion").asText();
        JsonSchema schema = schemasByApiVersion.get(apiVersion);
        if (schema == null) {
            return List.of(
                    "$.apiVersion: '"
                            + apiVersion
                            + "' is not served by the "
                            + kind
                            + " CRD; use one of "
                            + schemasByApiVersion.keySet().stream().sorted().toList());
        }
        ObjectNode body = resource.deepCopy();
        body.remove(List.of("apiVersion", "kind", "metadata"));
        List<String> errors = new ArrayList<>();
        for (ValidationMessage message : schema.validate(body)) {
            errors.add(message.getMessage());
        }
        errors.sort(Comparator.naturalOrder());
        return errors;
    }

    private static JsonSchemaFactory factory() {
        JsonMetaSchema.Builder metaSchema =
                JsonMetaSchema.builder(META_SCHEMA_URI, JsonMetaSchema.getV4());
        for (String extension : EXTENSIONS) {
            metaSchema.keyword(new AnnotationKeyword(extension));
        }
        return JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V4, builder -> builder.metaSchema(metaSchema.build()));
    }

    /** Sets {@code additionalProperties: false} on every object schema that lists its fields. */
    private static void disallowUndeclaredFields(JsonNode schema) {
        if (!schema.isObject()) {
            return;
        }
        ObjectNode node = (ObjectNode) schema;
        JsonNode properties = node.get("properties");
        boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (properties != null && !preserve && !node.has("additionalProperties")) {
            node.put("additionalProperties", false);
        }
        if (properties != null) {
            properties.forEach(CrdSchemaValidator::disallowUndeclaredFields);
        }
        disallowUndeclaredFields(node.path("items"));
        disallowUndeclaredFields(node.path("additionalProperties"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            node.path(combinator).forEach(CrdSchemaValidator::disallowUndeclaredFields);
        }
    }
}

package dev.flinkedge.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The registry's OpenAPI file, {@code docs/registry-openapi.yaml}, read for checking real requests
 * and answers against it. Schemas are validated with the OpenAPI 3.1 dialect of JSON Schema
 * 2020-12, and {@code $ref}s resolve inside the file.
 */
final class OpenApiContract {

    static final Path FILE = Path.of("..", "docs", "registry-openapi.yaml");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}/]+}");
    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /**
     * One documented operation.
     *
     * @param id its operationId
     * @param method upper-case HTTP method
     * @param template the path template, e.g. {@code /v1/streams/{owner}/{name}}
     * @param node the operation object
     */
    record Operation(String id, String method, String template, JsonNode node) {}

    private final JsonNode doc;
    private final AbsoluteIri iri;
    private final JsonSchemaFactory factory;
    private final Map<SchemaLocation, JsonSchema> schemas = new HashMap<>();

    private OpenApiContract(JsonNode doc, AbsoluteIri iri) {
        this.doc = doc;
        this.iri = iri;
        // Schemas are loaded by their location inside the document, so the validator first reads
        // the document itself as a schema: its top-level OpenAPI fields are declared as keywords
        // that validate nothing.
        JsonMetaSchema.Builder dialect = JsonMetaSchema.builder(OpenApi31.getInstance());
        for (String field :
                List.of("openapi", "info", "servers", "security", "paths", "components")) {
            dialect.keyword(new NonValidationKeyword(field));
        }
        JsonMetaSchema metaSchema = dialect.build();
        this.factory =
                JsonSchemaFactory.getInstance(
                        SpecVersion.VersionFlag.V202012,
                        b -> b.metaSchema(metaSchema).defaultMetaSchemaIri(metaSchema.getIri()));
    }

    /** Reads the file. */
    static OpenApiContract load() throws IOException {
        Path file = FILE.toAbsolutePath().normalize();
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        return new OpenApiContract(doc, AbsoluteIri.of(file.toUri().toString()));
    }

    /** The parsed document. */
    JsonNode doc() {
        return doc;
    }

    /** Every documented operation, in file order. */
    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    out.add(
                            new Operation(
                                    op.path("operationId").asText(),
                                    method.toUpperCase(Locale.ROOT),
                                    path.getKey(),
                                    op));
                }
            }
        }
        return out;
    }

    /**
     * The path template as a regular expression in the form {@link RegistryRestServer} uses: each
     * {@code {param}} becomes one {@code ([^/]+)} group.
     */
    static String regexOf(String template) {
        return PATH_PARAM.matcher(template).replaceAll("([^/]+)");
    }

    /** Whether the operation needs a bearer token (its own {@code security}, else the global). */
    boolean authenticated(Operation op) {
        JsonNode security =
                op.node().has("security") ? op.node().get("security") : doc.path("security");
        return security.isArray() && !security.isEmpty();
    }

    /** The documented error codes: the {@code title} (a constant of Errors) to the code. */
    Map<String, Integer> errorCodes() {
        Map<String, Integer> codes = new TreeMap<>();
        for (JsonNode c : doc.at("/components/schemas/ErrorCode/oneOf")) {
            codes.put(c.path("title").asText(), c.path("const").asInt());
        }
        return codes;
    }

    /** The operation that serves {@code method rawPath}, if any. */
    Optional<Operation> operation(String method, String rawPath) {
        return operations().stream()
                .filter(o -> o.method().equals(method) && rawPath.matches(regexOf(o.template())))
                .findFirst();
    }

    /** Whether some operation serves {@code rawPath} with any method. */
    boolean pathKnown(String rawPath) {
        return operations().stream().anyMatch(o -> rawPath.matches(regexOf(o.template())));
    }

    /**
     * Checks an answer against the operation's documented responses.
     *
     * @return one line per violation; empty when the answer conforms
     */
    List<String> checkAnswer(Operation op, int status, JsonNode body) {
        JsonNode responses = op.node().path("responses");
        String code = String.valueOf(status);
        if (!responses.has(code)) {
            return List.of(
                    "status "
                            + status
                            + " is not documented for "
                            + op.id()
                            + "; documented: "
                            + iterable(responses.fieldNames()));
        }
        SchemaLocation response =
                location(
                        "paths",
                        op.template(),
                        op.method().toLowerCase(Locale.ROOT),
                        "responses",
                        code);
        JsonNode responseNode = responses.get(code);
        if (responseNode.has("$ref")) {
            response = refLocation(responseNode.get("$ref").asText());
            responseNode = doc.at(responseNode.get("$ref").asText().substring(1));
        }
        JsonNode content = responseNode.path("content").path("application/json");
        if (content.isMissingNode()) {
            return body.isMissingNode()
                    ? List.of()
                    : List.of(op.id() + " " + status + " documents no body but got " + body);
        }
        if (body.isMissingNode()) {
            return List.of(op.id() + " " + status + " documents a JSON body but got none");
        }
        return validate(
                response.append("content").append("application/json").append("schema"), body);
    }

    /** Checks a request body against the operation's {@code requestBody} schema. */
    List<String> checkRequest(Operation op, JsonNode body) {
        if (!op.node().has("requestBody")) {
            return body == null ? List.of() : List.of(op.id() + " takes no body");
        }
        return validate(
                location(
                        "paths",
                        op.template(),
                        op.method().toLowerCase(Locale.ROOT),
                        "requestBody",
                        "content",
                        "application/json",
                        "schema"),
                body);
    }

    /** Validates {@code node} against the schema at {@code #/components/schemas/name}. */
    List<String> checkSchema(String name, JsonNode node) {
        return validate(location("components", "schemas", name), node);
    }

    private List<String> validate(SchemaLocation location, JsonNode node) {
        JsonSchema schema = schemas.computeIfAbsent(location, factory::getSchema);
        List<String> errors = new ArrayList<>();
        for (ValidationMessage m : schema.validate(node)) {
            errors.add(location.getFragment() + ": " + m.getMessage());
        }
        return errors;
    }

    private SchemaLocation location(String... segments) {
        SchemaLocation l = new SchemaLocation(iri);
        for (String s : segments) {
            l = l.append(s);
        }
        return l;
    }

    /** The location of a local reference such as {@code #/components/responses/Fenced}. */
    private SchemaLocation refLocation(String ref) {
        SchemaLocation l = new SchemaLocation(iri);
        for (String s : ref.substring(2).split("/")) {
            l = l.append(s.replace("~1", "/").replace("~0", "~"));
        }
        return l;
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}

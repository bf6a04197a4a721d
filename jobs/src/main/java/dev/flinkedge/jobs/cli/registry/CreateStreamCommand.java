package dev.flinkedge.jobs.cli.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.json.RegistryJson;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.InvalidFieldException;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.WindowSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code streams create}: registers a stream owned by the caller, from options or a JSON spec. */
@Command(
        name = "create",
        description = {
            "Register a stream you own. It starts DECLARED; 'streams status' makes it ACTIVE.",
            "RAW streams name --device or --area; DERIVED streams name --operator, --op-version and"
                    + " --parent; or give the whole spec with --file."
        })
final class CreateStreamCommand extends ClientCommand {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "NAME",
            description = "Stream name, unique among yours.")
    String name;

    @Option(names = "--type", paramLabel = "TYPE", description = "${COMPLETION-CANDIDATES}.")
    StreamType type;

    @Mixin LineageOptions lineage;

    @Option(
            names = "--device",
            paramLabel = "ID",
            description = "A device of a device-based RAW stream; repeat for more.")
    List<String> devices;

    @Option(
            names = "--area",
            paramLabel = "WKT",
            description = "A WGS84 POLYGON of a range-based RAW stream; repeat for more.")
    List<String> areas;

    @Option(
            names = "--window",
            paramLabel = "WINDOW",
            converter = WindowConverter.class,
            description = "none (default), fixed:SIZE or sliding:SIZE/SLIDE, e.g. fixed:10s.")
    WindowSpec window;

    @Option(
            names = "--serializer",
            paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default KRYO).")
    SerializerFormat serializer;

    @Option(
            names = "--guarantee",
            paramLabel = "G",
            description = "${COMPLETION-CANDIDATES} (default LIVE).")
    Guarantee guarantee;

    @Option(
            names = "--payload-type",
            paramLabel = "T",
            description = "Type of the records, informational, e.g. dev.flinkedge.Vehicle.")
    String payloadType;

    @Option(names = "--durable", description = "Write the stream even while nobody subscribes.")
    boolean durable;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description = "Partitions of the stream's topic (default 1).")
    Integer partitions;

    @Option(
            names = "--file",
            paramLabel = "spec.json",
            description = "Read the whole StreamSpec from this JSON file instead.")
    Path file;

    @Override
    protected int run(StreamRegistry registry) {
        StreamSpec streamSpec = file != null ? fromFile() : fromOptions();
        StreamDescriptor d = registry.create(streamSpec);
        out().println(
                        "created "
                                + d.ref()
                                + ": "
                                + d.type()
                                + ", "
                                + d.status()
                                + ", fingerprint "
                                + d.fingerprint());
        return 0;
    }

    private StreamSpec fromFile() {
        if (name != null
                || type != null
                || lineage.given()
                || devices != null
                || areas != null
                || window != null
                || serializer != null
                || guarantee != null
                || payloadType != null
                || durable
                || partitions != null) {
            throw usageError(
                    "--file "
                            + file
                            + " holds the whole spec; drop NAME and the other"
                            + " stream options, or drop --file");
        }
        if (!Files.isReadable(file)) {
            throw usageError(
                    "Cannot read --file "
                            + file.toAbsolutePath()
                            + ": it does not exist or is not readable");
        }
        try {
            return RegistryJson.STRICT.readValue(file.toFile(), StreamSpec.class);
        } catch (JsonMappingException e) {
            String detail =
                    e.getCause() instanceof InvalidFieldException invalid
                            ? invalid.getMessage()
                            : shortMessage(e);
            throw usageError("Invalid stream spec in " + file + ": " + detail);
        } catch (JsonProcessingException e) {
            throw usageError("Invalid JSON in " + file + ": " + shortMessage(e));
        } catch (IOException e) {
            throw usageError("Cannot read --file " + file + ": " + e.getMessage());
        }
    }

    private StreamSpec fromOptions() {
        if (name == null || type == null) {
            throw usageError(
                    "Give the stream's NAME and --type RAW|VIRTUAL|DERIVED (or --file"
                            + " spec.json)");
        }
        if (type == StreamType.DERIVED && !lineage.given()) {
            throw usageError(
                    "A DERIVED stream needs --operator NAME, --op-version V and at least"
                            + " one --parent OWNER/NAME|FINGERPRINT");
        }
        if (type == StreamType.RAW && devices == null && areas == null) {
            throw usageError(
                    "A RAW stream needs its devices (--device ID ...) or its areas"
                            + " (--area WKT ...)");
        }
        try {
            StreamSpec.Builder b =
                    StreamSpec.builder(name, type)
                            .window(window)
                            .serializer(serializer)
                            .guarantee(guarantee)
                            .payloadType(payloadType)
                            .durable(durable);
            if (partitions != null) {
                b.partitions(partitions);
            }
            if (lineage.given()) {
                b.lineage(lineage.toLineage(lineage.parents()));
            }
            if (devices != null || areas != null) {
                b.source(new SourceSpec(devices, areas));
            }
            return b.build();
        } catch (InvalidFieldException e) {
            throw usageError(e.getMessage());
        }
    }

    private static String shortMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return e.getLocation() == null
                ? message
                : message
                        + " (line "
                        + e.getLocation().getLineNr()
                        + ", column "
                        + e.getLocation().getColumnNr()
                        + ")";
    }
}

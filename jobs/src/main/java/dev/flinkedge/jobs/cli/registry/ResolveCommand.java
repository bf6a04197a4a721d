package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.NotFoundException;
import dev.flinkedge.registry.model.LineageFingerprint;
import dev.flinkedge.registry.model.Names;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.WindowSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code streams resolve}: finds the ACTIVE streams with a lineage fingerprint, given directly or
 * computed here from an operator over parent streams exactly as the registry computes it.
 */
@Command(
        name = "resolve",
        description = {
            "Find the ACTIVE streams with a lineage fingerprint that you may read: whoever computes it"
                    + " already, you can reuse.",
            "Give the FINGERPRINT, or the computation (--operator, --op-version, --param, --parent,"
                    + " --window, --serializer) to fingerprint it here first."
        })
final class ResolveCommand extends ClientCommand {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FINGERPRINT",
            description = "A lineage fingerprint (64 hex digits).")
    String fingerprint;

    @Mixin LineageOptions lineage;

    @Option(
            names = "--window",
            paramLabel = "WINDOW",
            converter = WindowConverter.class,
            description = "none (default), fixed:SIZE or sliding:SIZE/SLIDE.")
    WindowSpec window;

    @Option(
            names = "--serializer",
            paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default KRYO).")
    SerializerFormat serializer;

    @Override
    protected int run(StreamRegistry registry) {
        boolean computation = lineage.given() || window != null || serializer != null;
        if ((fingerprint == null) == !computation) {
            throw usageError(
                    "Give either a FINGERPRINT or a computation (--operator, --op-version,"
                            + " --parent ...), not "
                            + (computation ? "both" : "neither"));
        }
        String fp = fingerprint;
        if (fp == null) {
            lineage.requireComplete();
            fp =
                    LineageFingerprint.ofDerived(
                            lineage.toLineage(parentFingerprints(registry)),
                            window == null ? WindowSpec.none() : window,
                            serializer == null ? SerializerFormat.KRYO : serializer);
            out().println("fingerprint " + fp);
        } else if (!Names.FINGERPRINT.matcher(fp).matches()) {
            throw usageError(
                    "'" + fp + "' is not a fingerprint; expected 64 lower-case hex" + " digits");
        }
        List<StreamDescriptor> matches;
        try {
            matches = registry.resolve(fp);
        } catch (NotFoundException e) {
            if (e.errorCode() != Errors.FINGERPRINT_NOT_FOUND) {
                throw e;
            }
            out().flush();
            err().println(
                            "error "
                                    + e.errorCode()
                                    + ": no ACTIVE stream with fingerprint "
                                    + fp
                                    + " is readable by you");
            return 1;
        }
        StreamTables.producers(matches).print(out());
        return 0;
    }

    /** Each {@code --parent}: a fingerprint as given, or the described stream's fingerprint. */
    private List<String> parentFingerprints(StreamRegistry registry) {
        List<String> fingerprints = new ArrayList<>();
        for (String parent : lineage.parents()) {
            if (Names.FINGERPRINT.matcher(parent).matches()) {
                fingerprints.add(parent);
            } else if (StreamRef.isRef(parent)) {
                fingerprints.add(registry.describe(StreamRef.parse(parent)).fingerprint());
            } else {
                throw usageError(
                        "--parent '"
                                + parent
                                + "' is neither OWNER/NAME nor a"
                                + " fingerprint (64 lower-case hex digits)");
            }
        }
        return fingerprints;
    }
}

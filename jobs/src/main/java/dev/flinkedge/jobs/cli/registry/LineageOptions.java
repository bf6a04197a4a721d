package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.model.InvalidFieldException;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.OperatorRef;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;

/**
 * The options that name a computation over parent streams: {@code --operator}, {@code
 * --op-version}, {@code --param k=v} and {@code --parent}, shared by {@code streams create} and
 * {@code streams resolve}.
 */
final class LineageOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(
            names = "--operator",
            paramLabel = "NAME",
            description = "Catalogue name of the operator, e.g. detect.")
    String operator;

    @Option(
            names = "--op-version",
            paramLabel = "V",
            description = "Operator version; bump it whenever the operator's output changes.")
    String version;

    @Option(
            names = "--param",
            paramLabel = "KEY=VALUE",
            description = "An operator parameter; repeat for more. Part of the fingerprint.")
    Map<String, String> params;

    @Option(
            names = "--parent",
            paramLabel = "OWNER/NAME|FINGERPRINT",
            description =
                    "A parent stream, in the order the operator takes them; repeat for" + " more.")
    List<String> parents;

    /** Whether any of these options was given. */
    boolean given() {
        return operator != null || version != null || params != null || parents != null;
    }

    /** The parents as given on the command line, or none. */
    List<String> parents() {
        return parents == null ? List.of() : parents;
    }

    /**
     * Checks that the operator, its version and at least one parent are given.
     *
     * @throws ParameterException naming the missing options
     */
    void requireComplete() {
        if (operator == null || version == null || parents().isEmpty()) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "A computation needs --operator NAME, --op-version V and at least one"
                            + " --parent OWNER/NAME|FINGERPRINT");
        }
    }

    /**
     * The lineage of the operator over {@code parentIds}.
     *
     * @param parentIds fingerprints or {@code owner/name} references, in operator order
     * @throws ParameterException when an option is missing or a value is invalid
     */
    Lineage toLineage(List<String> parentIds) {
        requireComplete();
        try {
            return new Lineage(
                    new OperatorRef(operator, version, params == null ? Map.of() : params),
                    parentIds);
        } catch (InvalidFieldException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage(), e);
        }
    }
}

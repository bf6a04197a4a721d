package dev.flinkedge.jobs.cli;

import dev.flinkedge.registry.errors.RegistryException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * Reports every failure as one line on the command's stderr, with the stack trace only under {@code
 * --verbose}: {@code error 40301: <message>} for registry errors and {@code error: <message>} for
 * others (exit code 1), {@code error: <message> (see '<command> --help')} for bad input (exit code
 * 2).
 */
final class CliExceptionHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final String VERBOSE = "--verbose";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        StringBuilder line = new StringBuilder("error: ").append(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ")
                        .append(String.join(" or ", suggestions))
                        .append("?)");
            }
        }
        line.append(" (see '")
                .append(commandLine.getCommandSpec().qualifiedName())
                .append(" --help')");
        report(commandLine.getErr(), line.toString(), ex, Arrays.asList(args).contains(VERBOSE));
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine commandLine, ParseResult parseResult) {
        boolean verbose = isVerbose(parseResult);
        String line;
        if (ex instanceof RegistryException registryError) {
            line = "error " + registryError.errorCode() + ": " + registryError.getMessage();
        } else if (ex instanceof CliException) {
            line = "error: " + ex.getMessage();
        } else {
            line = "error: " + ex + (verbose ? "" : " (add " + VERBOSE + " for the stack trace)");
        }
        report(commandLine.getErr(), line, ex, verbose);
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    private static void report(PrintWriter err, String line, Exception ex, boolean verbose) {
        err.println(line);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}

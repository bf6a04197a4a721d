package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.client.StreamRegistry;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Base of the commands that call a running registry as the owner of {@code --token}: builds the
 * client, runs the command against it and flushes its output.
 */
abstract class ClientCommand implements Callable<Integer> {

    @Mixin ClientOptions registryOptions;

    @Spec CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try {
            return run(registryOptions.client());
        } finally {
            out().flush();
        }
    }

    /**
     * Does the command's work.
     *
     * @return the exit code
     */
    protected abstract int run(StreamRegistry registry) throws Exception;

    /** Where results go: the command line's standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where a refusal goes: the command line's standard error. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A bad-input error (exit code 2) for this command. */
    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

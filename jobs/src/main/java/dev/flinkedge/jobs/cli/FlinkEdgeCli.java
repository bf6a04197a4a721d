package dev.flinkedge.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.ServiceLoader;

/**
 * The {@code flink-edge} command line. Its subcommands are the {@link FlinkEdgeCommand}s found
 * through {@link ServiceLoader}; failures are reported by {@link CliExceptionHandler} as one line
 * on stderr.
 *
 * <pre>{@code
 * int exitCode = FlinkEdgeCli.commandLine().execute("streams", "ls", "--registry", url);
 * }</pre>
 */
@Command(
        name = "flink-edge",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = FlinkEdgeCli.Version.class,
        description =
                "Shared streams, site-aware placement and adaptive camera control for Apache"
                        + " Flink at the edge.")
public final class FlinkEdgeCli {

    /** Read by {@link CliExceptionHandler} from the parse result, not through this field. */
    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error, not only its one-line summary.")
    boolean verbose;

    /** Runs the CLI and exits with its exit code: 0 ok, 1 failed, 2 bad usage. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * A fresh command line with every discovered command, case-insensitive enum values and the
     * one-line error reporting. Set its out/err writers to capture output.
     *
     * @return a command line ready to {@code execute}
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FlinkEdgeCli());
        for (FlinkEdgeCommand command :
                ServiceLoader.load(FlinkEdgeCommand.class, FlinkEdgeCli.class.getClassLoader())) {
            commandLine.addSubcommand(command);
        }
        CommandLine bench = commandLine.getSubcommands().get("bench");
        if (bench != null) {
            for (FlinkEdgeBenchmark benchmark :
                    ServiceLoader.load(
                            FlinkEdgeBenchmark.class, FlinkEdgeCli.class.getClassLoader())) {
                bench.addSubcommand(benchmark);
            }
        }
        CliExceptionHandler handler = new CliExceptionHandler();
        commandLine.setExecutionExceptionHandler(handler);
        commandLine.setParameterExceptionHandler(handler);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** The version from the jar's manifest, or {@code dev} when run from a build directory. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FlinkEdgeCli.class.getPackage().getImplementationVersion();
            return new String[] {"flink-edge " + (version == null ? "dev" : version)};
        }
    }
}

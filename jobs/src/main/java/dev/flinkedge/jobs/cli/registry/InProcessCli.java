package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.jobs.cli.FlinkEdgeCli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs {@code flink-edge} commands in this JVM against one registry, as one of its owners: echoes
 * each as a shell line ({@code $ flink-edge … # as city-a}), then prints what it printed. The
 * {@code --registry} and {@code --token} arguments are added to every command but not echoed.
 */
final class InProcessCli {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=+@,-]+");

    private final String registryUrl;
    private final Map<String, String> tokensByOwner;
    private final PrintWriter out;

    /**
     * What one command did.
     *
     * @param exitCode its exit code
     * @param out what it printed on stdout
     * @param err what it printed on stderr
     */
    record Result(int exitCode, String out, String err) {}

    InProcessCli(String registryUrl, Map<String, String> tokensByOwner, PrintWriter out) {
        this.registryUrl = registryUrl;
        this.tokensByOwner = Map.copyOf(tokensByOwner);
        this.out = out;
    }

    /** Runs {@code flink-edge args…} with {@code owner}'s token. */
    Result run(String owner, String... args) {
        String token = tokensByOwner.get(owner);
        if (token == null) {
            throw new IllegalArgumentException(
                    "no token for owner '" + owner + "'; known: " + tokensByOwner.keySet());
        }
        out.println("$ flink-edge " + shellLine(args) + "    # as " + owner);
        List<String> full = new ArrayList<>(Arrays.asList(args));
        full.addAll(List.of("--registry", registryUrl, "--token", token));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine commandLine = FlinkEdgeCli.commandLine();
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        int exitCode = commandLine.execute(full.toArray(String[]::new));
        out.print(stdout);
        out.print(stderr);
        out.flush();
        return new Result(exitCode, stdout.toString(), stderr.toString());
    }

    private static String shellLine(String[] args) {
        StringBuilder line = new StringBuilder();
        for (String arg : args) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(
                    SHELL_SAFE.matcher(arg).matches()
                            ? arg
                            : "'" + arg.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}

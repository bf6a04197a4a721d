package dev.flinkedge.jobs;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.description.TextElement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a job's {@code --key value} arguments into a Flink {@link Configuration}, checked against
 * the job's options: unknown keys, keys without a value and values of the wrong type fail at once
 * with a message naming the argument and what is expected.
 *
 * <pre>{@code
 * Configuration conf = JobArguments.parse(args, TrafficJobOptions.all());
 * String owner = JobArguments.require(conf, TrafficJobOptions.OWNER);
 * }</pre>
 */
public final class JobArguments {

    private JobArguments() {}

    /**
     * Parses {@code args}: pairs of {@code --key value} (or {@code -key value}), each key one of
     * {@code options}.
     *
     * @throws IllegalArgumentException naming the bad argument and the known options
     */
    public static Configuration parse(String[] args, List<ConfigOption<?>> options) {
        Map<String, ConfigOption<?>> known =
                options.stream().collect(Collectors.toMap(ConfigOption::key, o -> o));
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
                throw new IllegalArgumentException(
                        "Unexpected argument '"
                                + arg
                                + "': job"
                                + " arguments are --key value pairs; "
                                + knownKeys(known));
            }
            String key = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            if (!known.containsKey(key)) {
                throw new IllegalArgumentException(
                        "Unknown option --" + key + "; " + knownKeys(known));
            }
            if (i + 1 >= args.length || isKey(args[i + 1], known)) {
                throw new IllegalArgumentException(
                        "Option --" + key + " needs a value: " + describe(known.get(key)));
            }
            if (values.put(key, args[++i]) != null) {
                throw new IllegalArgumentException("Option --" + key + " is given twice");
            }
        }
        Configuration conf = Configuration.fromMap(values);
        for (String key : values.keySet()) {
            ConfigOption<?> option = known.get(key);
            try {
                conf.get(option);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Invalid value '"
                                + values.get(key)
                                + "' for --"
                                + key
                                + ": "
                                + e.getMessage()
                                + " Expected: "
                                + describe(option),
                        e);
            }
        }
        return conf;
    }

    /**
     * The value of a required option.
     *
     * @throws IllegalArgumentException naming the option and what it is for, when it is missing
     */
    public static <T> T require(Configuration conf, ConfigOption<T> option) {
        return conf.getOptional(option)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "Missing option --"
                                                + option.key()
                                                + ": "
                                                + describe(option)));
    }

    /** The text an option was described with. */
    public static String describe(ConfigOption<?> option) {
        return option.description().getBlocks().stream()
                .map(b -> b instanceof TextElement t ? t.getFormat() : "")
                .collect(Collectors.joining(" "));
    }

    /** Whether {@code arg} is an option key rather than a value (a negative number is a value). */
    private static boolean isKey(String arg, Map<String, ConfigOption<?>> known) {
        if (arg.startsWith("--")) {
            return true;
        }
        return arg.startsWith("-") && known.containsKey(arg.substring(1));
    }

    private static String knownKeys(Map<String, ConfigOption<?>> known) {
        return "known options: "
                + known.keySet().stream()
                        .sorted()
                        .map(k -> "--" + k)
                        .collect(Collectors.joining(", "));
    }
}

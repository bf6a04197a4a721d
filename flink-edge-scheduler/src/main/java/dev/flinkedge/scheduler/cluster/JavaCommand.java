package dev.flinkedge.scheduler.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line of a child JVM: this JVM's {@code java}, the module openings every Flink JVM
 * gets, extra JVM options, a classpath, a main class and its arguments.
 *
 * @param classpath the child's classpath
 * @param jvmOptions options after the module openings, e.g. heap sizes and system properties
 * @param mainClass the class to run
 * @param args its arguments
 */
record JavaCommand(String classpath, List<String> jvmOptions, String mainClass, List<String> args) {

    /** DJL must never reach the network (model zoo look-ups, telemetry) from a cluster JVM. */
    static final List<String> OFFLINE_OPTIONS =
            List.of("-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true");

    /**
     * Options of tools that run for a second or two (BashJavaUtils, Kafka's storage formatter): the
     * client compiler only and the serial collector cost less CPU while five JVMs start on a small
     * machine.
     */
    static final List<String> SHORT_LIVED_JVM_OPTIONS =
            List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** Copies the lists. */
    JavaCommand {
        Objects.requireNonNull(classpath, "classpath");
        Objects.requireNonNull(mainClass, "mainClass");
        jvmOptions = List.copyOf(jvmOptions);
        args = List.copyOf(args);
    }

    /** The full command, starting with the path of this JVM's {@code java}. */
    List<String> toList() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FlinkProcessRules.MODULE_OPENINGS);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}

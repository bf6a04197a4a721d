package dev.flinkedge.scheduler.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a Log4j 2 properties file that sends everything at INFO and above to one log file, for a
 * child process of the cluster. Log4j's shutdown hook is off so that processes can still log while
 * their own shutdown hooks run.
 */
final class Log4jConfig {

    private Log4jConfig() {}

    /**
     * Writes {@code file}.
     *
     * @param file the properties file to write
     * @param logFile where the process logs
     */
    static void write(Path file, Path logFile) throws IOException {
        String text =
                String.join(
                        "\n",
                        "# Written by flink-edge cluster start: everything goes to one file.",
                        "shutdownHook = disable",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.file.ref = FileAppender",
                        "appender.file.name = FileAppender",
                        "appender.file.type = File",
                        "appender.file.append = true",
                        "appender.file.fileName = " + escape(logFile.toAbsolutePath().toString()),
                        "appender.file.layout.type = PatternLayout",
                        "appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                        "logger.kafkaController.name = org.apache.kafka.controller.QuorumController",
                        "logger.kafkaController.level = WARN",
                        "");
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Properties files treat backslashes as escapes. */
    private static String escape(String path) {
        return path.replace("\\", "\\\\");
    }

    /** The JVM options that make a process use {@code configFile} and name {@code logFile}. */
    static List<String> jvmOptions(Path configFile, Path logFile) {
        return List.of(
                "-Dlog4j.configurationFile=file:" + configFile.toAbsolutePath(),
                "-Dlog4j2.configurationFile=file:" + configFile.toAbsolutePath(),
                "-Dlog.file=" + logFile.toAbsolutePath());
    }
}

package dev.flinkedge.registry.cli;

import dev.flinkedge.kafka.EmbeddedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an {@link EmbeddedKafka} for a CLI command. Kafka's storage formatter, run by the test kit
 * at start-up, prints its report to {@code System.out}, which is the command's output; it is
 * captured and logged at DEBUG instead.
 */
final class EmbeddedKafkaLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaLauncher.class);

    private EmbeddedKafkaLauncher() {}

    /**
     * Starts a broker with its data under {@code baseDir}; main thread of a command only, since
     * {@code System.out} is swapped while the broker formats its storage.
     */
    static EmbeddedKafka start(Path baseDir) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream formatterReport = new ByteArrayOutputStream();
        System.setOut(new PrintStream(formatterReport, true, StandardCharsets.UTF_8));
        try {
            return EmbeddedKafka.builder().baseDir(baseDir).start();
        } finally {
            System.setOut(stdout);
            LOG.debug("Kafka storage formatter said: {}",
                    formatterReport.toString(StandardCharsets.UTF_8).trim());
        }
    }
}

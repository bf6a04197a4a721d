package dev.flinkedge.scheduler.supervision;

import org.apache.flink.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stream supervisor as a process of its own until the JVM is stopped (SIGTERM): the
 * supervisor process of the local edge cluster. Its arguments are {@link SupervisorOptions} as
 * {@code key=value}, so that it needs no command-line library.
 *
 * <pre>{@code
 * java -cp CLASSPATH dev.flinkedge.scheduler.supervision.SupervisorServer \
 *     registry.url=http://localhost:8090 flink.rest-url=http://localhost:8081 \
 *     job-jar=jobs/target/flink-edge-jobs-0.1.0-SNAPSHOT-job.jar \
 *     tokens.file=work/cluster/registry/tokens.properties work-dir=work/cluster/supervisor
 * }</pre>
 */
public final class SupervisorServer {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorServer.class);

    private SupervisorServer() {}

    /** Starts the supervisor and blocks until the JVM shuts down, then stops it. */
    public static void main(String[] args) throws Exception {
        SupervisorService service = SupervisorService.start(settings(args));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    service.close();
                                    stopped.countDown();
                                },
                                "supervisor-shutdown"));
        LOG.info("Supervisor running; stop it with SIGTERM");
        stopped.await();
    }

    /**
     * The {@code key=value} arguments as supervisor settings.
     *
     * @throws IllegalArgumentException naming an argument without {@code =} or an unknown key
     */
    static Configuration settings(String... args) {
        Map<String, String> known = new TreeMap<>();
        SupervisorOptions.all().forEach(o -> known.put(o.key(), o.description().toString()));
        Configuration conf = new Configuration();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || !known.containsKey(arg.substring(0, eq))) {
                throw new IllegalArgumentException(
                        "Argument '"
                                + arg
                                + "' is not a supervisor setting: pass key=value with a key of "
                                + known.keySet());
            }
            conf.setString(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return conf;
    }
}

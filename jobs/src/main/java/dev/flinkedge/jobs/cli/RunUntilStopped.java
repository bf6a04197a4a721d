package dev.flinkedge.jobs.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps a command's services running until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes
 * them in order from a shutdown hook.
 */
public final class RunUntilStopped {

    private static final Logger LOG = LoggerFactory.getLogger(RunUntilStopped.class);

    /**
     * A running service and what it is called in the log.
     *
     * @param name e.g. {@code registry at http://localhost:8090}
     * @param resource closed on shutdown
     */
    public record Service(String name, AutoCloseable resource) {}

    private RunUntilStopped() {}

    /**
     * Blocks the calling thread until the JVM shuts down and {@code closeOrder} has been closed,
     * first to last.
     */
    public static void await(List<Service> closeOrder) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    for (Service service : closeOrder) {
                                        LOG.info("Stopping {}", service.name());
                                        try {
                                            service.resource().close();
                                            LOG.info("Stopped {}", service.name());
                                        } catch (Exception e) {
                                            LOG.warn(
                                                    "{} did not stop cleanly: {}",
                                                    service.name(),
                                                    e.toString());
                                        }
                                    }
                                    closed.countDown();
                                },
                                "flink-edge-shutdown"));
        closed.await();
    }
}

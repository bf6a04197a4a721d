package dev.flinkedge.registry.storage;

import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Whether the registry's Kafka cluster answers: an Admin {@code describeCluster} with a short
 * timeout, whose answer is reused for a moment so that health checks and writes do not ask Kafka on
 * every request. While one caller probes, the others get the previous answer instead of waiting.
 */
final class KafkaReachability implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReachability.class);

    /**
     * One probe's answer.
     *
     * @param reachable whether the cluster answered in time
     * @param error why not, or null when reachable
     * @param checkedAtMs when the probe ran
     */
    record Result(boolean reachable, String error, long checkedAtMs) {}

    private final KafkaClientConfig kafka;
    private final long timeoutMs;
    private final long cacheMs;
    private final LongSupplier clock;
    private final ReentrantLock probing = new ReentrantLock();
    private Admin admin;
    private volatile Result last;

    KafkaReachability(KafkaClientConfig kafka, long timeoutMs, long cacheMs, LongSupplier clock) {
        this.kafka = kafka;
        this.timeoutMs = timeoutMs;
        this.cacheMs = cacheMs;
        this.clock = clock;
    }

    /** The latest answer, probing first if it is older than the cache time. */
    Result check() throws InterruptedException {
        Result r = last;
        if (r != null && isFresh(r)) {
            return r;
        }
        if (r == null) {
            probing.lockInterruptibly();
        } else if (!probing.tryLock()) {
            return r;
        }
        try {
            Result current = last;
            if (current != null && isFresh(current)) {
                return current;
            }
            Result fresh = probe();
            if (current != null && current.reachable() != fresh.reachable()) {
                if (fresh.reachable()) {
                    LOG.info("Kafka at {} is reachable again", bootstrap());
                } else {
                    LOG.warn("Kafka at {} is unreachable: {}", bootstrap(), fresh.error());
                }
            }
            last = fresh;
            return fresh;
        } finally {
            probing.unlock();
        }
    }

    private boolean isFresh(Result r) {
        return clock.getAsLong() - r.checkedAtMs() < cacheMs;
    }

    /** Runs with {@link #probing} held. */
    private Result probe() throws InterruptedException {
        if (admin == null) {
            admin = Admin.create(kafka.toProperties());
        }
        long now = clock.getAsLong();
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                    .nodes()
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
            return new Result(true, null, now);
        } catch (ExecutionException e) {
            return new Result(false, String.valueOf(e.getCause()), now);
        } catch (TimeoutException e) {
            return new Result(false, "no answer within " + timeoutMs + " ms", now);
        }
    }

    /** The cluster's bootstrap servers, for messages. */
    String bootstrap() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        probing.lock();
        try {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        } finally {
            probing.unlock();
        }
    }
}

package dev.flinkedge.connectors.source.shared;

import dev.flinkedge.connectors.api.StreamRetiredException;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;

import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What a reading job knows of the status of the stream it reads, from the registry's view: the
 * status as the {@value #STREAM_STATUS} gauge, a WARN naming the stream while it is ORPHANED (once,
 * then again every minute while it lasts), an INFO when it is ACTIVE again, and {@link
 * StreamRetiredException} once it is RETIRED or deleted. Coordinator thread of the enumerator.
 */
final class SubscribedStreamStatus {

    private static final Logger LOG = LoggerFactory.getLogger(SubscribedStreamStatus.class);

    /** Gauge of the stream's status, as a {@link Code}. */
    static final String STREAM_STATUS = "streamStatus";

    /** How often the warning about an ORPHANED stream repeats while it stays ORPHANED. */
    static final Duration WARNING_REPEAT = Duration.ofMinutes(1);

    /** The gauge's values: explicit codes, never ordinals, documented in docs/operations.md. */
    enum Code {
        /** The registry's view has not been read yet. */
        UNKNOWN(0),
        DECLARED(1),
        ACTIVE(2),
        ORPHANED(3),
        RETIRED(4),
        /** Gone from the registry. */
        DELETED(5);

        private final int code;

        Code(int code) {
            this.code = code;
        }

        int code() {
            return code;
        }

        static Code of(Optional<StreamDescriptor> stream) {
            if (stream.isEmpty()) {
                return DELETED;
            }
            StreamStatus s = stream.get().status();
            return switch (s) {
                case DECLARED -> DECLARED;
                case ACTIVE -> ACTIVE;
                case ORPHANED -> ORPHANED;
                case RETIRED -> RETIRED;
            };
        }
    }

    /** What an observation logged. */
    enum Notice {
        NONE,
        ORPHANED_WARNING,
        ACTIVE_AGAIN
    }

    private final StreamRef stream;
    private final LongSupplier clock;
    private volatile Code current = Code.UNKNOWN;
    private long orphanedSinceMs = -1;
    private long lastWarningMs;

    SubscribedStreamStatus(StreamRef stream, LongSupplier clock) {
        this.stream = stream;
        this.clock = clock;
    }

    /** Registers the {@value #STREAM_STATUS} gauge on {@code group}. */
    void register(MetricGroup group) {
        group.gauge(STREAM_STATUS, () -> current.code());
    }

    /** The current status code, the gauge's value. */
    int code() {
        return current.code();
    }

    /**
     * Takes the registry's view of the stream: updates the gauge, logs, and fails once the stream
     * is RETIRED or deleted.
     *
     * @return what was logged
     * @throws StreamRetiredException if the stream is RETIRED or gone from the registry
     */
    Notice observe(Optional<StreamDescriptor> view) {
        Code previous = current;
        current = Code.of(view);
        long now = clock.getAsLong();
        switch (current) {
            case RETIRED, DELETED ->
                    throw new StreamRetiredException(stream, current == Code.DELETED);
            case ORPHANED -> {
                if (orphanedSinceMs < 0) {
                    orphanedSinceMs = now;
                } else if (now - lastWarningMs < WARNING_REPEAT.toMillis()) {
                    return Notice.NONE;
                }
                lastWarningMs = now;
                StreamDescriptor d = view.get();
                LOG.warn(
                        "Shared stream {} is ORPHANED: no job produces it (last producer {}, since"
                                + " {}), so this job receives nothing from it until a host job or"
                                + " its owner '{}' produces it again",
                        stream,
                        d.lease() == null ? "unknown" : "job " + d.lease().jobId(),
                        Instant.ofEpochMilli(d.updatedAtMs()),
                        stream.owner());
                return Notice.ORPHANED_WARNING;
            }
            case ACTIVE -> {
                if (previous == Code.ORPHANED) {
                    StreamDescriptor d = view.get();
                    LOG.info(
                            "Shared stream {} is ACTIVE again after {} s ORPHANED, produced by {}",
                            stream,
                            (now - orphanedSinceMs) / 1000,
                            d.lease() == null ? "an unknown job" : "job " + d.lease().jobId());
                    orphanedSinceMs = -1;
                    return Notice.ACTIVE_AGAIN;
                }
            }
            default -> {}
        }
        if (current != Code.ORPHANED) {
            orphanedSinceMs = -1;
        }
        return Notice.NONE;
    }
}

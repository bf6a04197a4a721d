package dev.flinkedge.connectors.runtime;

import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * When a stream supervisor may start another host job for a stream whose last host job ended on its
 * own. A host job that fails at once — a model file missing on the cluster, a bad catalogue entry —
 * would otherwise be started again every round, flooding the JobManager; the first is replaced at
 * once, and each further one doubles the wait (from twice the supervision period up to {@link
 * #MAX_WAIT}), and the count starts over once a host job has produced the stream for {@link
 * #SETTLED} after the last wait. Used by one supervisor thread only; kept in memory, so a restarted
 * supervisor tries at once.
 */
@Internal
final class HostRetries {

    private static final Logger LOG = LoggerFactory.getLogger(HostRetries.class);

    /** The longest wait between two host jobs of one stream. */
    static final Duration MAX_WAIT = Duration.ofMinutes(5);

    /** How long a host job must produce before its stream's count of ended host jobs is reset. */
    static final Duration SETTLED = Duration.ofMinutes(5);

    private final Duration period;
    private final Map<StreamRef, Ended> ended = new HashMap<>();

    HostRetries(Duration period) {
        this.period = period;
    }

    /**
     * Whether to start another host job for {@code stream} now, its last host job {@code
     * endedJobId} having ended. The first time a given job is seen ended it is counted and the wait
     * begins.
     */
    boolean mayRetry(StreamRef stream, String endedJobId, long now) {
        Ended last = ended.get(stream);
        if (last == null || !last.jobId.equals(endedJobId)) {
            int count = last == null ? 1 : last.count + 1;
            long wait = waitMillis(count);
            last = new Ended(endedJobId, count, now + wait);
            ended.put(stream, last);
            LOG.error(
                    "Host job {} of {} ended ({} in a row); {}. The JobManager's log says why,"
                            + " e.g. a model file missing on the cluster",
                    endedJobId,
                    stream,
                    count,
                    wait == 0 ? "starting another" : "the next starts in " + wait / 1000 + " s");
        }
        return now >= last.notBefore;
    }

    /** The stream is produced again: forget its ended host jobs once that has lasted. */
    void forgetIfSettled(StreamRef stream, boolean byHostJob, long now) {
        Ended last = ended.get(stream);
        if (last != null && (!byHostJob || now >= last.notBefore + SETTLED.toMillis())) {
            ended.remove(stream);
        }
    }

    /** None after the first ended host job (a lost TaskManager), then 2, 4, 8, … periods. */
    private long waitMillis(int count) {
        if (count == 1) {
            return 0;
        }
        long wait = period.toMillis() << Math.min(count - 1, 20);
        return Math.min(wait, MAX_WAIT.toMillis());
    }

    private record Ended(String jobId, int count, long notBefore) {}
}

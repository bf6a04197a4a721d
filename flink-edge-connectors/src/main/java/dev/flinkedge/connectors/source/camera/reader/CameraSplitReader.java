package dev.flinkedge.connectors.source.camera.reader;

import dev.flinkedge.connectors.source.camera.split.CameraSplit;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads all cameras assigned to one source reader in its fetcher thread. {@link #fetch()} waits
 * until the camera that is due first has work (its next native frame, or a live frame in its slot),
 * lets it work, and returns the frame it delivered and the cameras that ended. The wait ends early
 * on {@link #wakeUp()} (new splits, shutdown) and when a live camera signals a frame.
 */
@Internal
public final class CameraSplitReader implements SplitReader<CameraRecord, CameraSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(CameraSplitReader.class);
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final CameraStreams streamFactory;
    private final CameraClock clock;
    private final Map<String, CameraStream> streams = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean wakeUpRequested;

    public CameraSplitReader(CameraStreams streamFactory, CameraClock clock) {
        this.streamFactory = streamFactory;
        this.clock = clock;
    }

    @Override
    public RecordsWithSplitIds<CameraRecord> fetch() throws IOException {
        RecordsBySplits.Builder<CameraRecord> out = new RecordsBySplits.Builder<>();
        while (true) {
            CameraStream next = earliest();
            if (next == null) {
                return out.build();
            }
            long waitNanos = next.readyAtNanos() - clock.nanoTime();
            if (waitNanos > 0) {
                if (!await(Math.min(waitNanos, MAX_WAIT_NANOS))) {
                    return out.build();
                }
                continue;
            }
            CameraRecord record = next.step();
            if (record != null) {
                out.add(next.cameraId(), record);
            }
            if (next.isFinished()) {
                out.addFinishedSplit(next.cameraId());
                streams.remove(next.cameraId());
                next.close();
                LOG.debug("Camera '{}' finished", next.cameraId());
            }
            if (record != null || next.isFinished()) {
                return out.build();
            }
        }
    }

    /**
     * Waits until {@code nanos} pass or something changes.
     *
     * @return false if the fetch must return now (wake-up or interrupt)
     */
    private boolean await(long nanos) {
        lock.lock();
        try {
            if (!wakeUpRequested) {
                changed.awaitNanos(nanos);
            }
            if (wakeUpRequested) {
                wakeUpRequested = false;
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private CameraStream earliest() {
        CameraStream best = null;
        for (CameraStream s : streams.values()) {
            if (best == null || s.readyAtNanos() < best.readyAtNanos()) {
                best = s;
            }
        }
        return best;
    }

    @Override
    public void handleSplitsChanges(SplitsChange<CameraSplit> splitsChanges) {
        if (!(splitsChanges instanceof SplitsAddition)) {
            throw new UnsupportedOperationException(
                    "Camera splits are only ever added, got "
                            + splitsChanges.getClass().getSimpleName());
        }
        for (CameraSplit split : splitsChanges.splits()) {
            try {
                streams.put(split.splitId(), streamFactory.open(split, this::signal));
            } catch (IOException e) {
                throw new FlinkRuntimeException(
                        "Cannot open camera '" + split.splitId() + "': " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void wakeUp() {
        lock.lock();
        try {
            wakeUpRequested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        for (CameraStream s : streams.values()) {
            s.close();
        }
        streams.clear();
    }
}

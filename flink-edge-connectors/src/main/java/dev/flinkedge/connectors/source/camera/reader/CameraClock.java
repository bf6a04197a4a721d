package dev.flinkedge.connectors.source.camera.reader;

import org.apache.flink.annotation.Internal;

/** The two clocks a camera needs: monotonic time for pacing and wall time for timestamps. */
@Internal
public interface CameraClock {

    /** The system clocks. */
    CameraClock SYSTEM =
            new CameraClock() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public long currentTimeMillis() {
                    return System.currentTimeMillis();
                }
            };

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Epoch milliseconds, as {@link System#currentTimeMillis()}. */
    long currentTimeMillis();
}

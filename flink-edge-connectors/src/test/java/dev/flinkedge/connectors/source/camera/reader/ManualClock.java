package dev.flinkedge.connectors.source.camera.reader;

/** A {@link CameraClock} that moves only when told, for pacing tests without waiting. */
final class ManualClock implements CameraClock {

    private long nanos = 1_000_000_000L;
    private long wallMs = 1_700_000_000_000L;

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long currentTimeMillis() {
        return wallMs;
    }

    void advanceMillis(long ms) {
        nanos += ms * 1_000_000L;
        wallMs += ms;
    }

    /** Moves to the monotonic time {@code targetNanos} (never backwards). */
    void advanceTo(long targetNanos) {
        if (targetNanos > nanos) {
            wallMs += (targetNanos - nanos) / 1_000_000L;
            nanos = targetNanos;
        }
    }
}

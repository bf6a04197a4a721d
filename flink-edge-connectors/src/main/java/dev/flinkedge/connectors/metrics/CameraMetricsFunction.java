package dev.flinkedge.connectors.metrics;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.HashMap;
import java.util.Map;

/**
 * Keyed by camera: measures each result's end-to-end latency on arrival (processing time minus
 * capture time) and, at every multiple of the period, emits the camera's {@link
 * CameraMetricsWindow} as {@code (cameraId, JSON)} and updates its Flink metrics. A camera whose
 * window was empty gets one empty window and then no timers until its next result.
 *
 * <p>Flink metrics per camera (group {@code camera=<id>}): gauges {@code latencyP50Ms}, {@code
 * latencyP95Ms}, {@code processedFps} of the last window; counters {@code framesProcessed}, {@code
 * framesDropped}, {@code bytesShipped}.
 *
 * <p>The open window lives on the heap, not in Flink state: after a restore the interrupted window
 * is lost, which a control loop tolerates better than stale latencies replayed late.
 *
 * @param <T> the result type
 */
@Internal
public final class CameraMetricsFunction<T>
        extends KeyedProcessFunction<String, T, Tuple2<String, byte[]>> {
    private static final long serialVersionUID = 1L;

    private final MetricsProbe<T> probe;
    private final long periodMs;

    private transient Map<String, CameraState> cameras;

    /**
     * @param probe reads camera, capture time, sequence and routes of a result
     * @param periodMs window length, {@code > 0}
     */
    public CameraMetricsFunction(MetricsProbe<T> probe, long periodMs) {
        if (periodMs <= 0) {
            throw new IllegalArgumentException("Metrics period " + periodMs + " ms must be > 0");
        }
        this.probe = probe;
        this.periodMs = periodMs;
    }

    @Override
    public void open(OpenContext openContext) {
        cameras = new HashMap<>();
    }

    @Override
    public void processElement(T record, Context ctx, Collector<Tuple2<String, byte[]>> out) {
        String cameraId = ctx.getCurrentKey();
        long now = ctx.timerService().currentProcessingTime();
        CameraState camera = cameras.computeIfAbsent(cameraId, this::newCamera);
        long capture = probe.captureTimeMs(record);
        camera.window.add(now - capture, probe.sequence(record), capture, probe.routes(record));
        if (!camera.timerSet) {
            // Aligned to multiples of the period, so every camera's windows end together and
            // a re-registered timer after a restore coincides with the old one.
            ctx.timerService().registerProcessingTimeTimer((now / periodMs + 1) * periodMs);
            camera.timerSet = true;
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<String, byte[]>> out) {
        String cameraId = ctx.getCurrentKey();
        CameraState camera = cameras.get(cameraId);
        if (camera == null) {
            return;
        }
        CameraMetricsWindow window = camera.window.close(cameraId, timestamp, periodMs);
        camera.update(window);
        out.collect(Tuple2.of(cameraId, MetricsJson.encode(window)));
        if (window.hasFrames()) {
            ctx.timerService().registerProcessingTimeTimer(timestamp + periodMs);
        } else {
            camera.timerSet = false;
        }
    }

    private CameraState newCamera(String cameraId) {
        return new CameraState(getRuntimeContext().getMetricGroup().addGroup("camera", cameraId));
    }

    /** One camera's open window and its Flink metrics. */
    private static final class CameraState {
        final CameraWindowAccumulator window = new CameraWindowAccumulator();
        boolean timerSet;
        volatile double p50 = Double.NaN;
        volatile double p95 = Double.NaN;
        volatile double fps;
        final Counter frames;
        final Counter dropped;
        final Counter bytes;

        CameraState(MetricGroup group) {
            group.gauge("latencyP50Ms", (Gauge<Double>) () -> p50);
            group.gauge("latencyP95Ms", (Gauge<Double>) () -> p95);
            group.gauge("processedFps", (Gauge<Double>) () -> fps);
            frames = group.counter("framesProcessed");
            dropped = group.counter("framesDropped");
            bytes = group.counter("bytesShipped");
        }

        void update(CameraMetricsWindow w) {
            p50 = w.hasFrames() ? w.p50LatencyMs() : Double.NaN;
            p95 = w.hasFrames() ? w.p95LatencyMs() : Double.NaN;
            fps = w.fps();
            frames.inc(w.frames());
            dropped.inc(w.droppedFrames() == null ? 0 : w.droppedFrames());
            bytes.inc(w.bytesShipped());
        }
    }
}

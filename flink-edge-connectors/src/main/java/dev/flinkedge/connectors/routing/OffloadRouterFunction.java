package dev.flinkedge.connectors.routing;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.policy.PolicyChange;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link OffloadRouter}'s function: keeps each camera's offload setting in broadcast state (fed
 * by the policy topic) and sends every frame either to the main output (processed at the local
 * site) or to the side output of its policy's target site, decided by {@link OffloadSplit} from the
 * frame's sequence number. Every frame leaves with a {@link RouteStamp}.
 *
 * <p>Metrics per target site (group {@code target=<site>}): {@code framesShipped} and {@code
 * bytesShipped}; and {@code framesLocal} for the frames kept.
 */
@Internal
public final class OffloadRouterFunction
        extends BroadcastProcessFunction<Frame, PolicyChange, Frame> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OffloadRouterFunction.class);

    /** Broadcast state: camera id → its current offload setting. */
    public static final MapStateDescriptor<String, CameraPolicy.Offload> OFFLOADS =
            new MapStateDescriptor<>(
                    "camera-offloads",
                    Types.STRING,
                    TypeInformation.of(CameraPolicy.Offload.class));

    private final String localSite;
    private final Map<String, OutputTag<Frame>> targets;

    private transient Counter framesLocal;
    private transient Map<String, Counter> framesShipped;
    private transient Map<String, Counter> bytesShipped;
    private transient Set<String> warnedUnknownTargets;

    OffloadRouterFunction(String localSite, List<String> targetSites) {
        this.localSite = localSite;
        this.targets = new LinkedHashMap<>();
        for (String site : targetSites) {
            targets.put(site, outputTag(site));
        }
    }

    /** The side output of frames offloaded to {@code site}. */
    static OutputTag<Frame> outputTag(String site) {
        return new OutputTag<>("offload-" + site, TypeInformation.of(Frame.class));
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        framesLocal = metrics.counter("framesLocal");
        framesShipped = new LinkedHashMap<>();
        bytesShipped = new LinkedHashMap<>();
        for (String site : targets.keySet()) {
            MetricGroup target = metrics.addGroup("target", site);
            framesShipped.put(site, target.counter("framesShipped"));
            bytesShipped.put(site, target.counter("bytesShipped"));
        }
        warnedUnknownTargets = new HashSet<>();
    }

    @Override
    public void processElement(Frame frame, ReadOnlyContext ctx, Collector<Frame> out)
            throws Exception {
        ReadOnlyBroadcastState<String, CameraPolicy.Offload> offloads =
                ctx.getBroadcastState(OFFLOADS);
        CameraPolicy.Offload offload = offloads.get(frame.cameraId());
        long now = ctx.currentProcessingTime();
        if (offload != null && OffloadSplit.offloads(frame.sequence(), offload.fraction())) {
            OutputTag<Frame> tag = targets.get(offload.targetSite());
            if (tag != null) {
                long bytes = frame.image().length;
                RouteStamp stamp =
                        new RouteStamp(localSite, offload.targetSite(), bytes, frame.sequence());
                ctx.output(tag, frame.withStage(stamp.stage(), now));
                framesShipped.get(offload.targetSite()).inc();
                bytesShipped.get(offload.targetSite()).inc(bytes);
                return;
            }
            warnUnknownTarget(frame.cameraId(), offload.targetSite());
        }
        framesLocal.inc();
        out.collect(frame.withStage(RouteStamp.local(localSite, frame.sequence()).stage(), now));
    }

    @Override
    public void processBroadcastElement(PolicyChange change, Context ctx, Collector<Frame> out)
            throws Exception {
        BroadcastState<String, CameraPolicy.Offload> offloads = ctx.getBroadcastState(OFFLOADS);
        CameraPolicy.Offload offload = change.offload();
        if (offload.fraction() > 0) {
            offloads.put(change.cameraId(), offload);
        } else {
            offloads.remove(change.cameraId());
        }
        LOG.debug(
                "Router at '{}': camera '{}' now offloads {} to {}",
                localSite,
                change.cameraId(),
                offload.fraction(),
                offload.targetSite());
    }

    private void warnUnknownTarget(String cameraId, String site) {
        if (warnedUnknownTargets.add(cameraId + ">" + site)) {
            LOG.warn(
                    "Camera '{}' should offload to site '{}', but the router at '{}' has no branch"
                            + " for it (branches: {}); its frames stay local. Add the site to"
                            + " OffloadRouter.Builder.setTargetSites or publish another target.",
                    cameraId,
                    site,
                    localSite,
                    targets.keySet());
        }
    }
}

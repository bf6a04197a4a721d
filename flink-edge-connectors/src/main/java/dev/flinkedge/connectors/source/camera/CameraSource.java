package dev.flinkedge.connectors.source.camera;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.policy.PolicyProvider;
import dev.flinkedge.connectors.policy.PolicyProviderFactory;
import dev.flinkedge.connectors.serialization.EdgeTypeInfo;
import dev.flinkedge.connectors.source.camera.enumerator.CameraEnumState;
import dev.flinkedge.connectors.source.camera.enumerator.CameraEnumStateSerializer;
import dev.flinkedge.connectors.source.camera.enumerator.CameraSelector;
import dev.flinkedge.connectors.source.camera.enumerator.CameraSourceEnumerator;
import dev.flinkedge.connectors.source.camera.reader.CameraClock;
import dev.flinkedge.connectors.source.camera.reader.CameraReaderSettings;
import dev.flinkedge.connectors.source.camera.reader.CameraSourceReader;
import dev.flinkedge.connectors.source.camera.reader.CameraSplitReader;
import dev.flinkedge.connectors.source.camera.reader.CameraStreams;
import dev.flinkedge.connectors.source.camera.split.CameraSplit;
import dev.flinkedge.connectors.source.camera.split.CameraSplitSerializer;

import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A FLIP-27 source of camera {@link Frame}s: synthetic traffic scenes, video files, live RTSP
 * streams and image directories, one split per camera. Each camera follows its current {@link
 * CameraPolicy} (frame rate by sampling its native rate, resolution by scaling before JPEG
 * encoding); a new policy applies within one native frame, without restarting the job. Frames are
 * numbered per camera without gaps and carry the {@code capture} stage time; after a restore a
 * camera continues with the next sequence number.
 *
 * <pre>{@code
 * CameraSource source = CameraSource.builder()
 *         .setCameras(List.of(new CameraDevice("cam-1", location,
 *                 CameraSpec.synthetic(42, 10, 1280, 720))))
 *         .setPolicyBootstrapServers("localhost:9092")
 *         .build();
 * DataStream<Frame> frames =
 *         env.fromSource(source, WatermarkStrategy.noWatermarks(), "cameras");
 * }</pre>
 */
@PublicEvolving
public final class CameraSource
        implements Source<Frame, CameraSplit, CameraEnumState>, ResultTypeQueryable<Frame> {

    private static final long serialVersionUID = 1L;

    private final CameraSelector selector;
    private final PolicyProviderFactory policies;
    private final Configuration config;

    CameraSource(CameraSelector selector, PolicyProviderFactory policies, Configuration config) {
        this.selector = selector;
        this.policies = policies;
        this.config = config;
    }

    /** A builder for a camera source. */
    public static CameraSourceBuilder builder() {
        return new CameraSourceBuilder();
    }

    @Override
    public Boundedness getBoundedness() {
        return config.get(CameraSourceOptions.MAX_FRAMES_PER_CAMERA) > 0
                ? Boundedness.BOUNDED
                : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Internal
    @Override
    public SourceReader<Frame, CameraSplit> createReader(SourceReaderContext readerContext)
            throws Exception {
        Map<String, CameraPolicy> nativePolicies = new ConcurrentHashMap<>();
        PolicyProvider provider = policies.create(nativePolicies::get);
        CameraStreams streams =
                new CameraStreams(
                        CameraReaderSettings.from(config),
                        provider,
                        nativePolicies,
                        CameraClock.SYSTEM);
        return new CameraSourceReader(
                () -> new CameraSplitReader(streams, CameraClock.SYSTEM),
                config,
                readerContext,
                provider,
                streams::policiesUnfit);
    }

    @Internal
    @Override
    public SplitEnumerator<CameraSplit, CameraEnumState> createEnumerator(
            SplitEnumeratorContext<CameraSplit> enumContext) {
        return restoreEnumerator(enumContext, CameraEnumState.initial());
    }

    @Internal
    @Override
    public SplitEnumerator<CameraSplit, CameraEnumState> restoreEnumerator(
            SplitEnumeratorContext<CameraSplit> enumContext, CameraEnumState checkpoint) {
        return new CameraSourceEnumerator(
                enumContext,
                selector,
                getBoundedness(),
                config.get(CameraSourceOptions.DISCOVERY_INTERVAL),
                checkpoint);
    }

    @Internal
    @Override
    public SimpleVersionedSerializer<CameraSplit> getSplitSerializer() {
        return new CameraSplitSerializer();
    }

    @Internal
    @Override
    public SimpleVersionedSerializer<CameraEnumState> getEnumeratorCheckpointSerializer() {
        return new CameraEnumStateSerializer();
    }

    @Override
    public TypeInformation<Frame> getProducedType() {
        return EdgeTypeInfo.frames();
    }

    @VisibleForTesting
    Configuration getConfiguration() {
        return config;
    }

    @VisibleForTesting
    CameraSelector getSelector() {
        return selector;
    }
}

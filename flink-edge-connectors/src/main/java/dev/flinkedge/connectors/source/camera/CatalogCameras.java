package dev.flinkedge.connectors.source.camera;

import dev.flinkedge.connectors.api.RawSourceFactory;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.model.StreamDescriptor;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.Objects;

/**
 * Raw streams as cameras of a {@link DeviceCatalog}: a device-based stream reads its listed
 * cameras, a range-based one every catalog camera inside its areas. Frames are timestamped by
 * capture time; cameras follow the policies of the policy topic when one is configured.
 */
@PublicEvolving
public final class CatalogCameras implements RawSourceFactory {
    private static final long serialVersionUID = 1L;

    private static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(200);

    private final DeviceCatalog catalog;
    private final KafkaClientConfig policyKafka;
    private final String policyTopic;

    private CatalogCameras(
            DeviceCatalog catalog, KafkaClientConfig policyKafka, String policyTopic) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.policyKafka = policyKafka;
        this.policyTopic = policyTopic;
    }

    /** Cameras at their native fps and resolution. */
    public static CatalogCameras of(DeviceCatalog catalog) {
        return new CatalogCameras(catalog, null, null);
    }

    /**
     * The same cameras, following the policies on {@code topic} (null: the default topic) of the
     * cluster {@code kafka} reaches.
     */
    public CatalogCameras withPolicies(KafkaClientConfig kafka, String topic) {
        return new CatalogCameras(catalog, Objects.requireNonNull(kafka, "kafka"), topic);
    }

    @Override
    public DataStream<Frame> create(StreamExecutionEnvironment env, StreamDescriptor raw) {
        CameraSourceBuilder builder =
                CameraSource.builder().setCatalog(catalog).setSourceSpec(raw.source());
        if (policyKafka != null) {
            builder.setPolicyKafka(policyKafka);
            if (policyTopic != null) {
                builder.setPolicyTopic(policyTopic);
            }
        }
        return env.fromSource(
                        builder.build(),
                        WatermarkStrategy.<Frame>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                                .withTimestampAssigner((f, ts) -> f.captureTimeMs()),
                        "cameras:" + raw.ref())
                .uid("cameras-" + raw.fingerprint().substring(0, 16));
    }
}

package dev.flinkedge.connectors.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.registry.json.RegistryJson;

import org.apache.flink.annotation.Internal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JSON form of {@link CameraPolicy} on the policy topic, for example {@code
 * {"cameraId":"cam-1","fps":2.0,"width":640,"height":360,
 * "offload":{"targetSite":null,"fraction":0.0},"version":3}}. Unknown fields are ignored so that a
 * newer scheduler does not break older sources.
 */
@Internal
public final class PolicyJson {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyJson.class);

    /** Forward compatible, as every topic record's mapper: unknown fields are skipped. */
    private static final ObjectMapper MAPPER = RegistryJson.LENIENT;

    private static final CameraPolicy SAMPLE =
            new CameraPolicy("warm-up", 1, 1, 1, new CameraPolicy.Offload("site", 0.5), 0);

    private PolicyJson() {}

    /**
     * Builds Jackson's (de)serializers for policies now, so that the first policy a provider
     * receives or a publisher sends is not delayed by reflection (about 0.1-0.2 s).
     */
    static void warmUp() {
        try {
            decode(encode(SAMPLE));
        } catch (IOException e) {
            throw new IllegalStateException("Policy JSON does not round-trip", e);
        }
    }

    /** The JSON bytes of {@code policy}. */
    public static byte[] encode(CameraPolicy policy) {
        try {
            return MAPPER.writeValueAsBytes(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + policy, e);
        }
    }

    /**
     * Reads a policy.
     *
     * @throws IOException if the bytes are not a valid policy; the message says which field
     */
    public static CameraPolicy decode(byte[] json) throws IOException {
        return MAPPER.readValue(json, CameraPolicy.class);
    }

    /**
     * Reads one record of the policy topic: a policy, or a withdrawal for a tombstone. Records
     * without key, with unreadable JSON, or whose key differs from the policy's {@code cameraId}
     * are logged and skipped, so one bad record never stops the readers of the topic.
     *
     * @return the change, or empty for a skipped record
     */
    public static Optional<PolicyChange> readRecord(ConsumerRecord<byte[], byte[]> r) {
        if (r.key() == null) {
            LOG.warn(
                    "Skipping policy record without key at {}-{}@{}",
                    r.topic(),
                    r.partition(),
                    r.offset());
            return Optional.empty();
        }
        String cameraId = new String(r.key(), StandardCharsets.UTF_8);
        if (r.value() == null) {
            return Optional.of(new PolicyChange(cameraId, null));
        }
        CameraPolicy policy;
        try {
            policy = decode(r.value());
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Skipping unreadable policy for camera '{}' at {}-{}@{}: {}",
                    cameraId,
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    e.getMessage());
            return Optional.empty();
        }
        if (!policy.cameraId().equals(cameraId)) {
            LOG.warn(
                    "Skipping policy at {}-{}@{}: key '{}' but cameraId '{}'",
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    cameraId,
                    policy.cameraId());
            return Optional.empty();
        }
        return Optional.of(new PolicyChange(cameraId, policy));
    }
}

package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import dev.flinkedge.connectors.model.CameraPolicy;

/** Kryo serializer for {@link CameraPolicy}: camera id, fps, size, offload, version. */
final class CameraPolicyKryoSerializer extends Serializer<CameraPolicy> {

    CameraPolicyKryoSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, CameraPolicy policy) {
        output.writeString(policy.cameraId());
        output.writeDouble(policy.fps());
        output.writeVarInt(policy.width(), true);
        output.writeVarInt(policy.height(), true);
        OffloadKryoSerializer.write(output, policy.offload());
        output.writeVarLong(policy.version(), false);
    }

    @Override
    public CameraPolicy read(Kryo kryo, Input input, Class<? extends CameraPolicy> type) {
        String cameraId = input.readString();
        double fps = input.readDouble();
        int width = input.readVarInt(true);
        int height = input.readVarInt(true);
        CameraPolicy.Offload offload = OffloadKryoSerializer.read(input);
        long version = input.readVarLong(false);
        return new CameraPolicy(cameraId, fps, width, height, offload, version);
    }
}

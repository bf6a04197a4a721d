package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.model.StageTimes;

/**
 * Kryo serializer for {@link Frame}. Layout: encoding code, width, height, camera id, location,
 * capture time, sequence, stage times, ground truth (presence flag first), image length and bytes.
 * The encoding is written as an explicit code, never as an enum ordinal.
 */
final class FrameKryoSerializer extends Serializer<Frame> {

    private static final byte JPEG = 1;
    private static final byte PNG = 2;
    private static final byte RAW_BGR = 3;

    FrameKryoSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Frame frame) {
        output.writeByte(encodingCode(frame.encoding()));
        output.writeVarInt(frame.width(), true);
        output.writeVarInt(frame.height(), true);
        output.writeString(frame.cameraId());
        GeoPointKryoSerializer.write(output, frame.location());
        output.writeLong(frame.captureTimeMs());
        output.writeVarLong(frame.sequence(), true);
        StageTimesKryoSerializer.write(output, frame.stageTimes());
        GroundTruth truth = frame.groundTruth();
        output.writeBoolean(truth != null);
        if (truth != null) {
            GroundTruthKryoSerializer.write(output, truth);
        }
        byte[] image = frame.image();
        output.writeVarInt(image.length, true);
        output.writeBytes(image);
    }

    @Override
    public Frame read(Kryo kryo, Input input, Class<? extends Frame> type) {
        Frame.Encoding encoding = encoding(input.readByte());
        int width = input.readVarInt(true);
        int height = input.readVarInt(true);
        String cameraId = input.readString();
        GeoPoint location = GeoPointKryoSerializer.read(input);
        long captureTimeMs = input.readLong();
        long sequence = input.readVarLong(true);
        StageTimes stageTimes = StageTimesKryoSerializer.read(input);
        GroundTruth truth = input.readBoolean() ? GroundTruthKryoSerializer.read(input) : null;
        byte[] image = input.readBytes(input.readVarInt(true));
        return new Frame(
                image,
                encoding,
                width,
                height,
                cameraId,
                location,
                captureTimeMs,
                sequence,
                stageTimes,
                truth);
    }

    private static byte encodingCode(Frame.Encoding encoding) {
        return switch (encoding) {
            case JPEG -> JPEG;
            case PNG -> PNG;
            case RAW_BGR -> RAW_BGR;
        };
    }

    private static Frame.Encoding encoding(byte code) {
        return switch (code) {
            case JPEG -> Frame.Encoding.JPEG;
            case PNG -> Frame.Encoding.PNG;
            case RAW_BGR -> Frame.Encoding.RAW_BGR;
            default ->
                    throw new KryoException(
                            "Unknown frame encoding code "
                                    + code
                                    + "; the data was written by a newer flink-edge version");
        };
    }
}

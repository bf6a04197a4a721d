package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.testutil.Samples;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * Hostile bytes in the shape of {@link EdgeCodec} output, as an attacker with write access to a
 * shared topic could craft them.
 */
public final class ForgedBytes {

    /** A length prefix of about 2 GB. */
    public static final int HUGE = 2_000_000_000;

    private ForgedBytes() {}

    /** A class outside the allow-list that notes when it is instantiated. */
    public static final class Gadget {
        /** Whether any reader ever made a gadget. */
        public static volatile boolean instantiated;

        public long value;

        public Gadget() {
            instantiated = true;
        }
    }

    /**
     * An edge record whose payload names, by class name, a class outside the allow-list ({@link
     * Gadget}), written the way Kryo writes unregistered classes.
     */
    public static byte[] recordNamingForeignClass() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(false);
        kryo.register(EdgeRecord.class, new EdgeRecordKryoSerializer(), EdgeKryo.EDGE_RECORD_ID);
        kryo.register(
                dev.flinkedge.connectors.model.StageTimes.class,
                new StageTimesKryoSerializer(),
                EdgeKryo.STAGE_TIMES_ID);
        Output out = new Output(256, -1);
        out.writeByte(EdgeKryo.FORMAT_VERSION);
        Gadget gadget = new Gadget();
        gadget.value = 42;
        kryo.writeObject(out, Samples.record(gadget));
        Gadget.instantiated = false;
        return out.toBytes();
    }

    /** A frame whose image claims {@code length} bytes and has none. */
    public static byte[] frameWithImageLength(int length) {
        Frame frame = Samples.frame(1);
        byte[] good = EdgeCodec.frames().encode(frame);
        int image = frame.image().length;
        Output lengthBytes = new Output(8);
        lengthBytes.writeVarInt(image, true);
        int prefix = good.length - image - lengthBytes.position();
        Output out = new Output(prefix + 8);
        out.writeBytes(Arrays.copyOf(good, prefix));
        out.writeVarInt(length, true);
        return out.toBytes();
    }

    /** An edge record whose source id claims {@code chars} UTF-8 characters and has none. */
    public static byte[] recordWithStringLength(int chars) {
        Output out = new Output(16);
        out.writeByte(EdgeKryo.FORMAT_VERSION);
        // Kryo's UTF-8 string header: flag bit set, char count + 1.
        out.writeVarIntFlag(true, chars + 1, true);
        return out.toBytes();
    }

    /** An edge record whose payload is a byte array claiming {@code length} bytes. */
    public static byte[] recordWithByteArrayLength(int length) {
        byte[] good = EdgeCodec.edgeRecords().encode(Samples.record(new byte[0]));
        // An empty byte array ends in its length + 1 = 1; replace it with the forged one.
        Output out = new Output(good.length + 8);
        out.writeBytes(Arrays.copyOf(good, good.length - 1));
        out.writeVarInt(length + 1, true);
        return out.toBytes();
    }

    /** An edge record whose payload is an {@link ArrayList} claiming {@code size} elements. */
    public static byte[] recordWithListSize(int size) {
        byte[] good = EdgeCodec.edgeRecords().encode(Samples.record(new ArrayList<>()));
        // An empty collection ends in its length + 1 = 1 (Kryo's flagged varint, flag clear: the
        // elements' classes are written one by one); replace it with the forged one.
        Output out = new Output(good.length + 8);
        out.writeBytes(Arrays.copyOf(good, good.length - 1));
        out.writeVarIntFlag(false, size + 1, true);
        return out.toBytes();
    }
}

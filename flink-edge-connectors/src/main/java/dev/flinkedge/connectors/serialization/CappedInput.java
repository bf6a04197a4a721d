package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;

/**
 * A Kryo {@link Input} over a byte array that checks every length it reads against {@link
 * DecodeLimits} and against the bytes left, before the array, string or collection is allocated.
 * Each element of an array, string or collection takes at least one byte, so a length above the
 * bytes left is corrupt.
 */
final class CappedInput extends Input {

    CappedInput() {}

    CappedInput(byte[] buffer, int offset, int count) {
        super(buffer, offset, count);
    }

    /** Bytes left in the buffer; this input never reads from a stream. */
    int remaining() {
        return limit - position;
    }

    /**
     * Checks the element count of a collection about to be read from {@code input}; without a
     * {@link CappedInput} only the cap applies.
     */
    static void checkElements(Input input, String what, int count) {
        if (input instanceof CappedInput capped) {
            capped.checkElements(what, count);
        } else if (count < 0 || count > DecodeLimits.MAX_ELEMENTS) {
            throw new KryoException(
                    "Refusing to read a "
                            + what
                            + " of "
                            + count
                            + ": the cap is "
                            + DecodeLimits.MAX_ELEMENTS
                            + " (DecodeLimits.MAX_ELEMENTS)");
        }
    }

    private void checkElements(String what, int count) {
        check(what, count, DecodeLimits.MAX_ELEMENTS, "MAX_ELEMENTS");
    }

    @Override
    public String readString() {
        if (position < limit && readVarIntFlag()) {
            // A UTF-8 string: its char count + 1 comes first (0 is null). ASCII strings end at a
            // marked byte and never allocate more than the bytes they span.
            int start = position;
            int countPlusOne = readVarIntFlag(true);
            position = start;
            if (countPlusOne > 1) {
                check(
                        "string",
                        countPlusOne - 1L,
                        DecodeLimits.MAX_STRING_CHARS,
                        "MAX_STRING_CHARS");
            }
        }
        return super.readString();
    }

    @Override
    public StringBuilder readStringBuilder() {
        String s = readString();
        return s == null ? null : new StringBuilder(s);
    }

    @Override
    public byte[] readBytes(int length) {
        check("byte array", length, DecodeLimits.MAX_BYTES, "MAX_BYTES");
        return super.readBytes(length);
    }

    @Override
    public int[] readInts(int length) {
        checkElements("int array", length);
        return super.readInts(length);
    }

    @Override
    public int[] readInts(int length, boolean optimizePositive) {
        checkElements("int array", length);
        return super.readInts(length, optimizePositive);
    }

    @Override
    public long[] readLongs(int length) {
        checkElements("long array", length);
        return super.readLongs(length);
    }

    @Override
    public long[] readLongs(int length, boolean optimizePositive) {
        checkElements("long array", length);
        return super.readLongs(length, optimizePositive);
    }

    @Override
    public float[] readFloats(int length) {
        checkElements("float array", length);
        return super.readFloats(length);
    }

    @Override
    public double[] readDoubles(int length) {
        checkElements("double array", length);
        return super.readDoubles(length);
    }

    @Override
    public short[] readShorts(int length) {
        checkElements("short array", length);
        return super.readShorts(length);
    }

    @Override
    public char[] readChars(int length) {
        checkElements("char array", length);
        return super.readChars(length);
    }

    @Override
    public boolean[] readBooleans(int length) {
        checkElements("boolean array", length);
        return super.readBooleans(length);
    }

    private void check(String what, long length, int cap, String capName) {
        try {
            DecodeLimits.check(what, length, cap, remaining(), capName);
        } catch (IllegalArgumentException e) {
            throw new KryoException(e.getMessage());
        }
    }
}

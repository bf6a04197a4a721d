package dev.flinkedge.connectors.serialization;

import org.apache.flink.annotation.PublicEvolving;

/**
 * Caps on the lengths flink-edge's decoders accept from the wire. A length prefix is checked before
 * anything is allocated for it, so a corrupt or forged record on a shared topic cannot make a
 * reader allocate gigabytes. A length is also refused when fewer bytes follow than it needs,
 * whatever the cap.
 */
@PublicEvolving
public final class DecodeLimits {

    /**
     * Largest byte array (a frame's image, a detection's crop): 64 MiB. A raw 4K BGR frame is 3840
     * × 2160 × 3 ≈ 24 MiB, so this leaves room while refusing a forged 2 GB prefix.
     */
    public static final int MAX_BYTES = 64 << 20;

    /**
     * Longest string, in characters: 1 Mi. Payload strings are ids, labels and plates; nothing
     * flink-edge writes comes near it.
     */
    public static final int MAX_STRING_CHARS = 1 << 20;

    /**
     * Most elements of a collection, map or primitive array other than bytes: 1 Mi. A frame's
     * detections or a window's counts are in the hundreds.
     */
    public static final int MAX_ELEMENTS = 1 << 20;

    /**
     * Largest serialized record in Flink's network buffers and state: 128 MiB, the biggest frame
     * plus ample room for its metadata.
     */
    public static final int MAX_RECORD_BYTES = 128 << 20;

    private DecodeLimits() {}

    /**
     * Checks a length read from the wire before it is allocated.
     *
     * @param what what the length counts, e.g. {@code "byte array"}
     * @param length the length read
     * @param cap the largest accepted length
     * @param remaining bytes left in the input, or -1 when unknown
     * @param capName the constant of this class that sets {@code cap}
     * @throws IllegalArgumentException if the length is negative, above the cap, or cannot fit in
     *     the bytes that follow
     */
    static void check(String what, long length, int cap, long remaining, String capName) {
        if (length < 0 || length > cap) {
            throw new IllegalArgumentException(
                    "Refusing to read a "
                            + what
                            + " of "
                            + length
                            + ": the cap is "
                            + cap
                            + " (DecodeLimits."
                            + capName
                            + "). The data is corrupt or was not written by flink-edge.");
        }
        if (remaining >= 0 && length > remaining) {
            throw new IllegalArgumentException(
                    "Refusing to read a "
                            + what
                            + " of "
                            + length
                            + ": only "
                            + remaining
                            + " bytes follow, below the cap but too few for it. The data is"
                            + " truncated or corrupt.");
        }
    }
}

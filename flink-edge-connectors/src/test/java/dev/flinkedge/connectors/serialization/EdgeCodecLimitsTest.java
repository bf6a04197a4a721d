package dev.flinkedge.connectors.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.testutil.Samples;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;

/**
 * Hostile bytes are rejected before anything is allocated for them: class names and lengths read
 * from the wire are checked against the allow-list and the caps of {@link DecodeLimits}.
 */
class EdgeCodecLimitsTest {

    /** Far below any forged length, far above what decoding a small record allocates. */
    private static final long ALLOCATION_BUDGET = 16L << 20;

    @Test
    void aClassOutsideTheAllowListIsNotInstantiated() {
        Throwable thrown =
                catchThrowable(
                        () ->
                                EdgeCodec.edgeRecords()
                                        .decode(ForgedBytes.recordNamingForeignClass()));

        assertThat(thrown)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class names are not accepted");
        assertThat(ForgedBytes.Gadget.instantiated).isFalse();
    }

    @Test
    void aHugeFrameImageIsRejectedBeforeAllocating() {
        assertRejectedWithinBudget(
                () -> EdgeCodec.frames().decode(ForgedBytes.frameWithImageLength(ForgedBytes.HUGE)),
                "byte array of 2000000000");
    }

    @Test
    void aHugeStringIsRejectedBeforeAllocating() {
        assertRejectedWithinBudget(
                () ->
                        EdgeCodec.edgeRecords()
                                .decode(ForgedBytes.recordWithStringLength(ForgedBytes.HUGE)),
                "string of 2000000000");
    }

    @Test
    void aHugeCollectionIsRejectedBeforeAllocating() {
        assertRejectedWithinBudget(
                () ->
                        EdgeCodec.edgeRecords()
                                .decode(ForgedBytes.recordWithListSize(ForgedBytes.HUGE)),
                "collection of 2000000000");
    }

    @Test
    void aHugeLengthPrefixInFlinkStateIsRejectedBeforeAllocating() {
        EdgeKryoSerializer<EdgeRecord> serializer = new EdgeKryoSerializer<>(EdgeRecord.class);
        byte[] prefix = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0};

        assertRejectedWithinBudget(
                () -> serializer.deserialize(new DataInputDeserializer(prefix)),
                "record of 2147483632");
    }

    @Test
    void lengthsWithinTheCapsStillDecode() {
        EdgeRecord<Object> record =
                Samples.record(new java.util.ArrayList<>(java.util.List.of("a")));
        assertThat(EdgeCodec.edgeRecords().decode(EdgeCodec.edgeRecords().encode(record)))
                .isEqualTo(record);
    }

    private static void assertRejectedWithinBudget(Callable<?> decode, String message) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Throwable thrown = catchThrowable(decode::call);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(thrown).isNotInstanceOf(Error.class).hasMessageContaining(message);
        assertThat(thrown).hasMessageContaining("cap");
        assertThat(allocated).isLessThan(ALLOCATION_BUDGET);
    }
}

package dev.flinkedge.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.registry.model.StreamRef;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Ids of taps and shared sources are unique per owner, stream and reader, although owners and names
 * may both contain '-' (and names '.').
 */
class StreamClientIdsTest {

    /** Streams whose owner and name join to the same text around a '-' or '.'. */
    private static final List<StreamRef> LOOKALIKES =
            List.of(
                    new StreamRef("a-b", "c"),
                    new StreamRef("a", "b-c"),
                    new StreamRef("a", "b.c"),
                    new StreamRef("a-b-c", "d"),
                    new StreamRef("a-b", "c-d"),
                    new StreamRef("a", "b-c-d"),
                    new StreamRef("shared-a", "b"),
                    new StreamRef("tap-a", "b"));

    private static final List<String> READERS = List.of("x", "x-a", "x-a-b", "shared-x", "a");

    @Test
    void tapIdsDifferForEveryOwnerAndStream() {
        assertDistinct(LOOKALIKES, StreamClientIds::tapTransactionalIdPrefix);
        assertDistinct(LOOKALIKES, StreamClientIds::tapClientId);
    }

    @Test
    void readerIdsDifferForEveryReaderOwnerAndStream() {
        List<String[]> pairs = new ArrayList<>();
        for (String reader : READERS) {
            for (StreamRef s : LOOKALIKES) {
                pairs.add(new String[] {reader, s.owner(), s.name()});
            }
        }
        assertDistinct(pairs, p -> StreamClientIds.readerGroupId(p[0], new StreamRef(p[1], p[2])));
        assertDistinct(
                pairs, p -> StreamClientIds.readerClientIdPrefix(p[0], new StreamRef(p[1], p[2])));
    }

    @Test
    void aTapAndAReaderNeverShareAnId() {
        Set<String> taps = new HashSet<>();
        Set<String> readers = new HashSet<>();
        for (StreamRef s : LOOKALIKES) {
            taps.add(StreamClientIds.tapTransactionalIdPrefix(s));
            taps.add(StreamClientIds.tapClientId(s));
            for (String reader : READERS) {
                readers.add(StreamClientIds.readerGroupId(reader, s));
                readers.add(StreamClientIds.readerClientIdPrefix(reader, s));
            }
        }
        taps.retainAll(readers);
        assertThat(taps).isEmpty();
    }

    private static <T> void assertDistinct(List<T> inputs, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (T in : inputs) {
            assertThat(seen.add(id.apply(in)))
                    .as("id %s of %s is unique", id.apply(in), describe(in))
                    .isTrue();
        }
    }

    private static String describe(Object in) {
        return in instanceof String[] a ? String.join(" | ", a) : String.valueOf(in);
    }
}

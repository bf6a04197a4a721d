package dev.flinkedge.registry.storage;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A read-modify-write of registry state, run by the store's single writer thread: {@link #plan}
 * validates against the current view and says what to write; the result is computed from the view
 * after the writes have been read back. Mutations with disjoint {@link #locks()} may share one
 * Kafka transaction (group commit); an {@link #exclusive()} one always runs alone.
 *
 * @param <R> what the caller gets back
 */
public interface Mutation<R> {

    /** Names of the state this mutation reads or writes, e.g. {@code stream:a/x}. */
    Set<String> locks();

    /** Whether this mutation reads state beyond its locks and so must not share a batch. */
    default boolean exclusive() {
        return false;
    }

    /**
     * Validates against {@code state} and returns the writes plus how to compute the result. Throws
     * a {@link dev.flinkedge.registry.errors.RegistryException} to refuse; nothing is written then.
     */
    Outcome<R> plan(RegistryState state, long nowMs);

    /**
     * What a planned mutation writes and how its result is read afterwards.
     *
     * @param writes records to append, in order
     * @param result computes the answer from the view once the writes are applied
     * @param <R> result type
     */
    record Outcome<R>(List<StoreEntry> writes, Function<RegistryState, R> result) {

        public Outcome {
            writes = List.copyOf(writes);
        }

        /** A mutation that turned out to need no write. */
        public static <R> Outcome<R> readOnly(Function<RegistryState, R> result) {
            return new Outcome<>(List.of(), result);
        }
    }
}

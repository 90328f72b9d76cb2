package newsflow.core;

import java.util.function.Supplier;

/**
 * A failure confined to one record: a {@link StackOverflowError} or {@link OutOfMemoryError}
 * raised while one input was processed (a page nested a hundred thousand levels deep, a
 * single allocation sized by a hostile input), rethrown as an exception.
 *
 * <p>Kafka Streams hands exceptions to the processing exception handler, which dead-letters
 * the record and carries on; an {@code Error} would instead kill the stream thread, and its
 * replacement would read the same record again, for ever. Stages run their per-record work
 * through {@link #guard} so that one record can never stop or loop the pipeline.
 */
public final class RecordFailure extends RuntimeException {

    private RecordFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Runs {@code work}, turning a stack overflow or an out-of-memory error into a {@code RecordFailure}. */
    public static <T> T guard(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            throw new RecordFailure(what + " overflowed the stack (input nested or repeated too deeply)", e);
        } catch (OutOfMemoryError e) {
            throw new RecordFailure(what + " ran out of memory on this input", e);
        }
    }
}

package newsflow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordFailureTest {

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void aStackOverflowOnOneRecordBecomesAnExceptionTheDeadLetterHandlerReceives() {
        RecordFailure f = assertThrows(RecordFailure.class, () -> RecordFailure.guard("parsing", () -> recurse(0)));
        assertTrue(f.getMessage().startsWith("parsing overflowed the stack"), f.getMessage());
        assertInstanceOf(StackOverflowError.class, f.getCause());
    }

    @Test
    void runningOutOfMemoryOnOneRecordBecomesAnException() {
        RecordFailure f = assertThrows(RecordFailure.class, () -> RecordFailure.guard("tagging", () -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        assertTrue(f.getMessage().startsWith("tagging ran out of memory"), f.getMessage());
    }

    @Test
    void ordinaryResultsAndExceptionsPassThrough() {
        assertEquals(4, RecordFailure.guard("adding", () -> 2 + 2));
        assertThrows(IllegalStateException.class, () -> RecordFailure.guard("x", () -> {
            throw new IllegalStateException("bug");
        }));
    }
}

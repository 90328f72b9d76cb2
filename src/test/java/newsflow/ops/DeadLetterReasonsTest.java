package newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import newsflow.clean.UnusablePageException;
import newsflow.ingest.InvalidPageException;
import org.junit.jupiter.api.Test;

class DeadLetterReasonsTest {

    @Test
    void categoryDropsTheVaryingDetailsAfterTheFixedPhrase() {
        assertEquals("page too large", DeadLetterReasons.categoryOf("page too large: 7340032 bytes > limit 5242880"));
        assertEquals("malformed json", DeadLetterReasons.categoryOf(
            "malformed JSON: Unexpected end-of-input: was expecting closing quote at line 1, column 63"));
        assertEquals("invalid utf-8", DeadLetterReasons.categoryOf("invalid UTF-8: the record is not UTF-8 text (Input length = 1)"));
        assertEquals("missing required field url", DeadLetterReasons.categoryOf("missing required field 'url'"));
        assertEquals("field url must be a string", DeadLetterReasons.categoryOf("field 'url' must be a string, got number"));
    }

    @Test
    void missingReasonsAndBugsGetFixedCategories() {
        assertEquals(DeadLetterReasons.UNKNOWN, DeadLetterReasons.categoryOf((String) null));
        assertEquals(DeadLetterReasons.UNKNOWN, DeadLetterReasons.categoryOf("  "));
        assertEquals(DeadLetterReasons.INTERNAL, DeadLetterReasons.categoryOf(new NullPointerException("x is null")));
        assertEquals("no article body found", DeadLetterReasons.categoryOf(
            new UnusablePageException("no article body found: 12 characters")));
        assertEquals("empty record", DeadLetterReasons.categoryOf(new InvalidPageException("empty record: expected a JSON object")));
    }

    @Test
    void longReasonsAreCutToABoundedLength() {
        String category = DeadLetterReasons.categoryOf("x".repeat(500));
        assertEquals(48, category.length());
    }
}

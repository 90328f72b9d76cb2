package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProseTest {

    @Test
    void whitespaceIsJavasWhitespaceForEveryChar() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertEquals(Character.isWhitespace((char) c), Prose.isWhitespace((char) c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void aSentenceOfSixWordsWithItsFullStopIsProse() {
        String s = "The minister resigned on Tuesday evening.";

        assertTrue(Prose.isProse(Prose.words(s), Prose.endsSentence(s), 36, 0));
    }

    @Test
    void aShortLabelIsNotProse() {
        String s = "Share this story";

        assertFalse(Prose.isProse(Prose.words(s), Prose.endsSentence(s), 14, 0));
    }

    @Test
    void twoCharactersOfAScriptWithoutSpacesCountAsOneWord() {
        assertEquals(3, Prose.words("\u6771\u4eac\u90fd\u5e81"
                + " Tokyo"));
    }
}

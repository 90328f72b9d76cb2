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

    /** A text counted in one call counts as its characters added one at a time, in pieces or whole. */
    @Test
    void countingATextWholeCountsAsAddingItsCharactersOneByOne() {
        StringBuilder alphabet = new StringBuilder("\u00a0\u00e9\u2003\u3000\u303f\u3040\u3042\u30ab\u4e2d\u0e01\ud83d\ude00\u0410");
        for (char c = 0; c < 0x80; c++) {
            alphabet.append(c);
        }
        java.util.Random random = new java.util.Random(22);
        for (int i = 0; i < 20_000; i++) {
            Prose.WordCount whole = new Prose.WordCount();
            Prose.WordCount single = new Prose.WordCount();
            int counted = 0;
            int expected = 0;
            for (int piece = random.nextInt(4); piece >= 0; piece--) {
                char[] text = new char[random.nextInt(30)];
                for (int k = 0; k < text.length; k++) {
                    text[k] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                String t = new String(text);
                counted += whole.addAll(t);
                for (char c : text) {
                    boolean space = Character.isWhitespace(c);
                    single.add(c, space);
                    expected += space || c == '\u00a0' ? 0 : 1;
                }
                int last = -1;
                for (int k = text.length - 1; k >= 0 && last < 0; k--) {
                    last = Character.isWhitespace(text[k]) ? -1 : text[k];
                }
                String context = "piece '" + t + "'";
                assertEquals(single.words(), whole.words(), context);
                assertEquals(expected, counted, context);
                assertEquals(last, Prose.lastNonSpace(t), context);
            }
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

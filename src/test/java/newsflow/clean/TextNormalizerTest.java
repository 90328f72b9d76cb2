package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link TextNormalizer#nfc} answers as the JDK's normaliser does, though it skips it for text
 * whose characters NFC leaves alone.
 */
class TextNormalizerTest {

    /** Characters where NFC does something, and characters around which it does nothing. */
    private static final String ALPHABET = "aeiouAEIOU \u00e9\u00c5\u2019\u201c\u2014\u20ac" // Latin, quotes, dashes
            + "\u0301\u0308\u0327\u0323\u0345" // combining marks
            + "\u212b\u2126\u212a\u2000\u0340\u0344\u0958" // singletons and composition exclusions
            + "\u1100\u1161\u11a8\uac00\ud55c" // Hangul jamo and syllables
            + "\u0915\u093c\u0b47\u0b3e\u0dd9\u0dcf" // Indic vowel signs and nukta
            + "\u03b1\u0399\u03c3\u0438\u0439\u0306\u05d0\u05b8\u0627\u0653\u4e2d\u3099\u304b\u309a\u0e01";

    @Test
    void everySingleCharacterComesOutAsTheNormaliserGivesIt() {
        for (int c = 0; c < 0x10000; c++) {
            String s = String.valueOf((char) c);
            assertEquals(Normalizer.normalize(s, Normalizer.Form.NFC), TextNormalizer.nfc(s), () -> "U+" + Integer.toHexString(s.charAt(0)));
        }
    }

    /**
     * What the fast path assumes beyond single characters: two characters it passes, side by
     * side, are NFC too (neither composes with nor reorders around the other). Every BMP
     * character it passes, before and after starters of several scripts.
     */
    @Test
    void twoCharactersTheFastPathPassesAreNfcTogether() {
        String starters = "aAzé\u00c5\u0131\u017f\u0391\u03c3\u0410\u05d0\u0627\u0915\u0b15\u0e01\u304b\u30ab\u4e2d\uac00\ud55c\u2019\u20ac";
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            if (TextNormalizer.nfc(one) != one || c < 0x300) {
                continue; // not passed by the fast path (or below it, where NFC's own quick check starts)
            }
            for (int k = 0; k < starters.length(); k++) {
                String before = starters.charAt(k) + one;
                String after = one + starters.charAt(k);
                assertTrue(Normalizer.isNormalized(before, Normalizer.Form.NFC), () -> "U+" + Integer.toHexString(before.charAt(1)) + " after a starter");
                assertTrue(Normalizer.isNormalized(after, Normalizer.Form.NFC), () -> "U+" + Integer.toHexString(after.charAt(0)) + " before a starter");
            }
        }
    }

    @Test
    void textMixingMarksLettersAndJamoComesOutAsTheNormaliserGivesIt() {
        Random random = new Random(15);
        for (int i = 0; i < 200_000; i++) {
            char[] text = new char[1 + random.nextInt(8)];
            for (int k = 0; k < text.length; k++) {
                text[k] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            String s = new String(text);
            assertEquals(Normalizer.normalize(s, Normalizer.Form.NFC), TextNormalizer.nfc(s), s);
        }
    }

    @Test
    void aParagraphIsWhatTheCharacterByCharacterNormalisationMakesOfIt() {
        String alphabet = "ab \u00a0\t\n\u00ad\u200b\u2060\ufffd\u0001\u007f\u0301\u2019\u3000\ufeff\u0085\u1680";
        Random random = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            char[] text = new char[random.nextInt(7)];
            for (int k = 0; k < text.length; k++) {
                text[k] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String s = new String(text);
            assertEquals(slowParagraph(s), TextNormalizer.paragraph(s), () -> s.chars().mapToObj(Integer::toHexString).toList().toString());
        }
    }

    /** The paragraph rules, one character at a time: NFC, spaces collapsed and trimmed, invisible characters dropped. */
    private static String slowParagraph(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        boolean pendingSpace = false;
        for (char c : t.toCharArray()) {
            boolean space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0'
                    || c == '\u1680' || (c >= '\u2000' && c <= '\u200B') || c == '\u2028' || c == '\u2029' || c == '\u202F'
                    || c == '\u205F' || c == '\u3000' || c == '\uFEFF' || c == '\u0085';
            boolean invisible = c < 0x20 || c == 0x7F || c == '\u00AD' || c == '\u2060' || c == '\uFFFD';
            if (space) {
                pendingSpace = out.length() > 0;
            } else if (!invisible) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void textOfInertCharactersIsReturnedAsItIs() {
        String quoted = "\u201cIt\u2019s done \u2014 for \u20ac5,\u201d she said. \u4e2d\u6587 \ud55c\uad6d\uc5b4 \u0420\u043e\u0441\u0441\u0438\u044f";
        assertSame(quoted, TextNormalizer.nfc(quoted));
    }
}

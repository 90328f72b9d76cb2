package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What the paragraph features' one-pass reading relies on. */
class ParagraphFeaturesTest {

    /**
     * Outside ASCII, a paragraph's form is read with one category look-up per character: letters
     * are the five letter categories, digits Nd, and a letter is a capital when it is Lu or Lt.
     * For every BMP character this answers as {@link Character}'s own predicates.
     */
    @Test
    void oneCategoryLookUpAnswersAsTheCharacterPredicates() {
        for (int c = 0x80; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            int type = Character.getType(ch);
            boolean letter = type >= Character.UPPERCASE_LETTER && type <= Character.OTHER_LETTER;
            assertEquals(Character.isLetter(ch), letter, () -> "letter U+" + Integer.toHexString(ch));
            assertEquals(Character.isDigit(ch), type == Character.DECIMAL_DIGIT_NUMBER, () -> "digit U+" + Integer.toHexString(ch));
            if (letter) {
                assertEquals(Character.isUpperCase(ch) || Character.isTitleCase(ch),
                        type == Character.UPPERCASE_LETTER || type == Character.TITLECASE_LETTER,
                        () -> "capital U+" + Integer.toHexString(ch));
            }
        }
    }

    /** A paragraph's form features as they were computed before the one-pass reading, one pass per feature. */
    private static float[] formBefore(String t) {
        int words = Prose.words(t);
        int wordStarts = 0;
        int capitalised = 0;
        boolean start = true;
        int digits = 0;
        int nonSpace = 0;
        int letters = 0;
        int marks = 0;
        int commas = 0;
        for (char ch : t.toCharArray()) {
            if (Character.isWhitespace(ch)) {
                start = true;
            } else if (start) {
                start = false;
                if (Character.isLetter(ch)) {
                    wordStarts++;
                    if (Character.isUpperCase(ch) || Character.isTitleCase(ch)) {
                        capitalised++;
                    }
                }
            }
            if (!Character.isWhitespace(ch)) {
                nonSpace++;
                if (Character.isDigit(ch)) {
                    digits++;
                }
            }
            letters += Character.isLetter(ch) ? 1 : 0;
            marks += ".!?。！？".indexOf(ch) >= 0 ? 1 : 0;
            commas += ",;，、".indexOf(ch) >= 0 ? 1 : 0;
        }
        return new float[] {(float) Math.log1p(t.length()), (float) Math.log1p(words), Prose.endsSentence(t) ? 1 : 0,
            wordStarts == 0 ? 0 : (float) capitalised / wordStarts, nonSpace == 0 ? 0 : (float) digits / nonSpace,
            words == 0 ? 0 : (float) letters / words, words == 0 ? 0 : (float) marks / words,
            words == 0 ? 0 : (float) commas / words};
    }

    @Test
    void theOnePassReadingGivesTheFormFeaturesThePassesGave() {
        assertFormAsBefore("aZ9 .,;!?\t\u00a0\u00e9\u00c9\u01c5\u0661\u4e2d\u3002\uff0c\u3001\u2019\u0410\u0431\u0e01\u2003", 15);
    }

    /** ASCII is read through a table of character classes: every ASCII character, beside a few others. */
    @Test
    void everyAsciiCharacterReadsAsThePassesReadIt() {
        StringBuilder alphabet = new StringBuilder("\u00a0\u00c9\u4e2d\u3002\u2003");
        for (char c = 0; c < 0x80; c++) {
            alphabet.append(c);
        }
        assertFormAsBefore(alphabet.toString(), 16);
    }

    private static void assertFormAsBefore(String alphabet, long seed) {
        java.util.Random random = new java.util.Random(seed);
        Element container = org.jsoup.Jsoup.parse("<div><p>x</p></div>").selectFirst("div");
        Element block = container.selectFirst("p");
        for (int i = 0; i < 20_000; i++) {
            char[] text = new char[random.nextInt(40)];
            for (int k = 0; k < text.length; k++) {
                text[k] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String t = new String(text);
            float[] features = ParagraphFeatures.of(java.util.List.of(new ParagraphFeatures.Candidate(t, block, 0, 0)), container)[0];
            float[] before = formBefore(t);
            for (int f = 0; f < before.length; f++) {
                assertEquals(before[f], features[f], ParagraphFeatures.NAMES.get(f) + " of '" + t + "'");
            }
        }
    }
}

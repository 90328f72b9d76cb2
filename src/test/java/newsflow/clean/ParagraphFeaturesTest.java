package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

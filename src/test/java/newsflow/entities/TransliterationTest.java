package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TransliterationTest {

    @Test
    void vowelVariantOfKoreanNameIsTheSamePerson() {
        assertTrue(Transliteration.sameName("Choe Sun Hui", "Choe Son Hui", true));
    }

    @Test
    void hyphenatedRomanisationIsTheSameName() {
        assertTrue(Transliteration.sameName("Kim Jong-un", "Kim Jong Un", true));
    }

    @Test
    void sharedFamilyNameIsNotEnough() {
        assertFalse(Transliteration.sameName("Kim Tok Hun", "Kim Jong Un", true));
        assertFalse(Transliteration.sameName("Kim Jong Il", "Kim Jong Un", true));
    }

    @Test
    void koreanNamesDifferingInOneSyllableAreDifferentPeople() {
        assertFalse(Transliteration.sameName("Ri Pyong Chol", "Ri Yong Chol", true));
    }

    @Test
    void russianFirstNameVariantsAreTheSamePerson() {
        assertTrue(Transliteration.sameName("Sergei Shoigu", "Sergey Shoigu", true));
        assertTrue(Transliteration.sameName("Dmitri Peskov", "Dmitry Peskov", true));
    }

    @Test
    void koreanConsonantAndSurnameVariantsFoldTogether() {
        assertTrue(Transliteration.sameName("Lee Jae-myung", "Yi Jae Myung", true));
        assertTrue(Transliteration.sameName("Choi Son Hui", "Choe Son Hui", true));
        assertTrue(Transliteration.sameName("Pak Jong Chon", "Bak Jong Chon", true));
    }

    @Test
    void variantsShareOneIdSlug() {
        assertEquals(Transliteration.idSlug("Sergey Lavrov"), Transliteration.idSlug("Sergei Lavrov"));
        assertEquals(Transliteration.idSlug("Choe Sun Hui"), Transliteration.idSlug("Choe Son Hui"));
        assertNotEquals(Transliteration.idSlug("Kim Tok Hun"), Transliteration.idSlug("Kim Jong Un"));
    }

    @Test
    void misspeltPlaceNameIsTheSamePlace() {
        assertTrue(Transliteration.sameName("Vostochney Spaceport", "Vostochny Spaceport", false));
    }

    @Test
    void differentWordCountsNeverMatch() {
        assertFalse(Transliteration.sameName("Vostochny", "Vostochny Spaceport", false));
    }

    @Test
    void wordsAreThePiecesOfTheNonWordSplit() {
        // ASCII, accented and other-script letters, a letter outside the BMP (U+1D400), digits of
        // other scripts, letter and other numbers, joiners, punctuation, spaces, a lone surrogate.
        String[] parts = {"a", "Z", "7", "\u00e9", "\u0416", "\u4e2d", "\ud835\udc00", "\u0663", "\u216b", "\u00bd",
            "\u00b2", "'", "\u2019", ".", "-", ",", " ", "\u00a0", "(", "\u00ad", "\ud800", "_", "\u0301"};
        Random random = new Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            String s = b.toString();
            List<String> expected = Arrays.stream(s.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
            assertEquals(expected, Transliteration.words(s), s);
        }
    }
}

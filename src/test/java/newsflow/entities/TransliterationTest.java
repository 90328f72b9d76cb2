package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TransliterationTest {

    @Test
    void vowelVariantOfKoreanNameIsTheSamePerson() {
        assertTrue(sameName("Choe Sun Hui", "Choe Son Hui"));
    }

    @Test
    void hyphenatedRomanisationIsTheSameName() {
        assertTrue(sameName("Kim Jong-un", "Kim Jong Un"));
    }

    @Test
    void sharedFamilyNameIsNotEnough() {
        assertFalse(sameName("Kim Tok Hun", "Kim Jong Un"));
        assertFalse(sameName("Kim Jong Il", "Kim Jong Un"));
    }

    @Test
    void koreanNamesDifferingInOneSyllableAreDifferentPeople() {
        assertFalse(sameName("Ri Pyong Chol", "Ri Yong Chol"));
    }

    @Test
    void russianFirstNameVariantsAreTheSamePerson() {
        assertTrue(sameName("Sergei Shoigu", "Sergey Shoigu"));
        assertTrue(sameName("Dmitri Peskov", "Dmitry Peskov"));
    }

    @Test
    void koreanConsonantAndSurnameVariantsFoldTogether() {
        assertTrue(sameName("Lee Jae-myung", "Yi Jae Myung"));
        assertTrue(sameName("Choi Son Hui", "Choe Son Hui"));
        assertTrue(sameName("Pak Jong Chon", "Bak Jong Chon"));
    }

    @Test
    void variantsShareOneIdSlug() {
        assertEquals(Transliteration.idSlug("Sergey Lavrov"), Transliteration.idSlug("Sergei Lavrov"));
        assertEquals(Transliteration.idSlug("Choe Sun Hui"), Transliteration.idSlug("Choe Son Hui"));
        assertNotEquals(Transliteration.idSlug("Kim Tok Hun"), Transliteration.idSlug("Kim Jong Un"));
    }

    @Test
    void misspeltPlaceNameIsTheSamePlace() {
        assertTrue(sameName("Vostochney Spaceport", "Vostochny Spaceport"));
    }

    @Test
    void differentWordCountsNeverMatch() {
        assertFalse(sameName("Vostochny", "Vostochny Spaceport"));
    }

    @Test
    void wordsAreThePiecesOfTheNonWordSplit() {
        for (String s : AwkwardStrings.sample(20_000)) {
            List<String> expected = Arrays.stream(s.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
            assertEquals(expected, Transliteration.words(s), s);
        }
    }

    private static boolean sameName(String a, String b) {
        return Transliteration.sameName(Transliteration.Folded.of(a), Transliteration.Folded.of(b));
    }
}

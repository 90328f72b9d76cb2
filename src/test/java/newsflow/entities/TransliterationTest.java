package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void misspeltPlaceNameIsTheSamePlace() {
        assertTrue(Transliteration.sameName("Vostochney Spaceport", "Vostochny Spaceport", false));
    }

    @Test
    void differentWordCountsNeverMatch() {
        assertFalse(Transliteration.sameName("Vostochny", "Vostochny Spaceport", false));
    }
}

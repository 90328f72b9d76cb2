package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Language detection on article text, with the declared language as a fallback only. */
class LanguageIdentifierTest {

    @Test
    void detectsGermanDespiteWrongDeclaration() {
        assertEquals("de", LanguageIdentifier.detect("Die Bundesregierung hat am Mittwoch ein neues Gesetz "
                + "beschlossen, das die Mieten in großen Städten begrenzen soll.", "en"));
    }

    @Test
    void detectsFrenchAndRussian() {
        assertEquals("fr", LanguageIdentifier.detect("Le gouvernement a annoncé mercredi une nouvelle loi "
                + "destinée à limiter les loyers dans les grandes villes du pays.", null));
        assertEquals("ru", LanguageIdentifier.detect("Правительство в среду объявило о новом законе, который "
                + "должен ограничить арендную плату в крупных городах.", null));
    }

    @Test
    void detectsChineseAndJapaneseFromAShortSentence() {
        assertEquals("zh", LanguageIdentifier.detect("政府周三宣布了一项新法律，限制全国大城市的租金，这是一项全国性的举措。", null));
        assertEquals("ja", LanguageIdentifier.detect("政府は水曜日、大都市の家賃を制限する新しい法律を発表しました。", null));
    }

    @Test
    void aShortEnglishBriefFullOfNamesIsNotReadAsAnotherLanguage() {
        String language = LanguageIdentifier.detect("Van Gaal names Bergkamp, De Boer and Overmars for Oslo", null);
        assertTrue(language == null || language.equals("en"), language);
    }

    @Test
    void aResultsTableOfForeignClubsInEnglishCopyIsNotReadAsAnotherLanguage() {
        String text = "Results of Yugoslav league soccer matches played on Saturday:\n"
                + "Becej 2 Borac 1\nBuducnost 0 Cukaricki 0\nHajduk 3 Loznica 1\nMladost 1 Obilic 2\n"
                + "Partizan 4 Proleter 0\nRad 1 Radnicki 1\nRudar 2 Sloboda 2\nSpartak 0 Sutjeska 1\n"
                + "Vojvodina 2 Zeleznik 0\nZemun 1 Red Star 3";
        String language = LanguageIdentifier.detect(text, null);
        assertTrue(language == null || language.equals("en"), language);
    }

    @Test
    void fallsBackToDeclaredLanguageForShortText() {
        assertEquals("pt", LanguageIdentifier.detect("Olá", "pt-BR"));
    }
}

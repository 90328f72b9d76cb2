package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void fallsBackToDeclaredLanguageForShortText() {
        assertEquals("pt", LanguageIdentifier.detect("Olá", "pt-BR"));
    }
}

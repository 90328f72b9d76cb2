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

    /**
     * Each script's scorer and each script rule, on a news sentence or two per language. (Below
     * 120 letters a close neighbour, Russian for Ukrainian or Portuguese for Spanish, can come
     * within 0.7 of the winner: then no language is taken, as Lingua did.)
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "uk|Уряд у середу оголосив про новий закон, який обмежує орендну плату у великих містах країни з наступного місяця. Спілки орендарів привітали це рішення, а власники житла висловили занепокоєння.",
        "ar|أعلنت الحكومة يوم الأربعاء عن قانون جديد يحد من الإيجارات في المدن الكبرى في البلاد اعتبارا من الشهر المقبل.",
        "fa|دولت روز چهارشنبه قانون جدیدی را اعلام کرد که اجاره بها را در شهرهای بزرگ کشور از ماه آینده محدود می کند.",
        "tr|hükümet çarşamba günü ülkenin büyük şehirlerinde kiraları gelecek aydan itibaren sınırlayan yeni bir yasa açıkladı.",
        "el|η κυβέρνηση ανακοίνωσε την τετάρτη έναν νέο νόμο που περιορίζει τα ενοίκια στις μεγάλες πόλεις της χώρας από τον επόμενο μήνα.",
        "ko|정부는 수요일 전국 대도시의 임대료를 다음 달부터 제한하는 새로운 법을 발표했다. 세입자 단체는 이 결정을 환영했지만 집주인들은 반발했다.",
        "hi|सरकार ने बुधवार को देश के बड़े शहरों में अगले महीने से किराए को सीमित करने वाला एक नया कानून घोषित किया।",
        "es|el gobierno anunció el miércoles una nueva ley que limita los alquileres en las grandes ciudades del país a partir del próximo mes. las asociaciones de inquilinos celebraron la decisión, mientras que los propietarios protestaron.",
        "pl|rząd ogłosił w środę nową ustawę, która od przyszłego miesiąca ogranicza czynsze w dużych miastach kraju.",
    })
    void identifiesTheLanguageOfANewsSentence(String language, String sentence) {
        assertEquals(language, LanguageIdentifier.detect(sentence, null));
    }

    @Test
    void aMegabyteWithoutSpacesMakesABoundedSample() {
        String blob = "q" + "x9/+".repeat(250_000);
        assertTrue(LanguageIdentifier.proseSample(blob).length() <= LanguageIdentifier.SAMPLE_CHARS + 65);
        assertEquals("de", LanguageIdentifier.detect(blob + " " + "die bundesregierung hat am mittwoch ein neues gesetz "
                + "beschlossen, das die mieten in den großen städten des landes ab dem nächsten monat begrenzt.", null),
                "the words after the blob still count");
    }
}

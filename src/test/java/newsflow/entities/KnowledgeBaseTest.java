package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

    @Test
    void shippedKnowledgeBaseIsVersionedAndCoversEveryIsoCountry() {
        KnowledgeBase kb = KnowledgeBase.loadDefault();
        assertTrue(kb.version() >= 1);
        long countries = kb.entities().stream().filter(e -> e.kind() == KbEntity.Kind.COUNTRY).count();
        assertTrue(countries >= 190, "countries: " + countries);
        assertEquals("North Korea", kb.byId("Q423").name());
        assertTrue(kb.byId("Q423").aliases().contains("DPRK"));
    }

    @Test
    void unknownKindFailsNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KnowledgeBase.parse(new BufferedReader(new StringReader("#version\t1\nx\tplanet\tMars\t\n"))));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("planet"), e.getMessage());
    }

    @Test
    void ambiguousColumnMarksOnlyTheListedNames() throws Exception {
        KnowledgeBase kb = KnowledgeBase.parse(new BufferedReader(new StringReader(
                "#version\t1\nQ1\torg\tFederal Reserve\tFed|Federal Reserve Board\tFed\n")));
        assertTrue(kb.byId("Q1").isAmbiguous("Fed"));
        assertTrue(!kb.byId("Q1").isAmbiguous("Federal Reserve"));
    }

    @Test
    void ambiguousNameThatIsNoNameOfTheEntityFailsNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnowledgeBase.parse(
                new BufferedReader(new StringReader("#version\t1\nQ1\tcountry\tChad\t\tJordan\n"))));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("Jordan"), e.getMessage());
    }

    @Test
    void missingVersionFails() {
        assertThrows(IllegalArgumentException.class,
                () -> KnowledgeBase.parse(new BufferedReader(new StringReader("x\tcity\tParis\t\n"))));
    }

    @Test
    void matcherRespectsCaseAndWordBoundaries() throws Exception {
        KnowledgeBase kb = KnowledgeBase.parse(new BufferedReader(new StringReader(
                "#version\t1\nQ1\tcountry\tUnited States\tUS|U.S.\nQ2\tcountry\tRussia\t\n")));
        KbMatcher m = new KbMatcher(kb);
        List<Span> hits = m.find("The US and RUSSIA, not Russian or us, met. Russia agreed.");
        List<String> found = hits.stream().map(s -> s.kb().name() + "@" + s.start()).toList();
        assertEquals(List.of("United States@4", "Russia@11", "Russia@43"), found);
    }

    @Test
    void acronymInCapitalsHeadlineIsNotMatched() throws Exception {
        KnowledgeBase kb = KnowledgeBase.parse(new BufferedReader(new StringReader(
                "#version\t1\nQ1\tcountry\tUnited States\tUS\n")));
        assertEquals(List.of(), new KbMatcher(kb).find("LET US GO HOME NOW SAYS THE MINISTER"));
    }

    @Test
    void shortCountryNameMatchesInCapitalsButAcronymDoesNot() throws Exception {
        KnowledgeBase kb = KnowledgeBase.parse(new BufferedReader(new StringReader(
                "#version\t1\nQ1\tcountry\tUnited States\tUS|U.S.\nQ2\tcountry\tIran\t\n")));
        List<String> found = new KbMatcher(kb).find("U.S. WARNS IRAN AS US SHIPS SAIL").stream()
                .map(s -> s.kb().name() + "@" + s.start()).toList();
        assertEquals(List.of("United States@0", "Iran@11"), found);
    }

    @Test
    void acronymThatIsNoWordMatchesInCapitals() throws Exception {
        KnowledgeBase kb = KnowledgeBase.parse(new BufferedReader(new StringReader(
                "#version\t1\nQ7184\torg\tNATO\t\n")));
        assertEquals(1, new KbMatcher(kb).find("RUSSIA WARNS NATO OVER BALTIC DRILLS").size());
    }
}

package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wire-copy layouts (result lines, tables, datelines): behaviours found by measuring the stage
 * on annotated news wire. Passages written for the purpose.
 */
class NewsEntityTaggerWireTest {

    private static List<TaggedEntity> tag(String text) {
        return SharedTagger.get().tag(null, text);
    }

    private static boolean has(List<TaggedEntity> entities, String mention, EntityType type) {
        return entities.stream().anyMatch(e -> e.type() == type
                && e.mentions().stream().anyMatch(m -> m.text().equals(mention)));
    }

    @Test
    void aLineOfNamesIsReadAsTextNotAsATitleCaseHeadline() {
        String text = "Scorers:\nPortugal - Nuno Valente (12th), Ricardo Sousa (80th)\nAttendance: 30,000";
        List<TaggedEntity> es = tag(text);
        assertTrue(has(es, "Nuno Valente", EntityType.PERSON), es.toString());
        assertTrue(has(es, "Ricardo Sousa", EntityType.PERSON), es.toString());
        assertTrue(has(es, "Portugal", EntityType.LOCATION), es.toString());
    }

    @Test
    void anAbbreviationKeepsItsDotInsideASentence() {
        String text = "The drugmaker, based in Tampa, Fla., said on Monday it would buy a rival.";
        assertTrue(has(tag(text), "Fla.", EntityType.LOCATION), tag(text).toString());
    }

    @Test
    void aSentenceFinalDotIsNotPartOfTheName() {
        String text = "The drugmaker moved its head office to Tampa. Shares rose.";
        assertTrue(has(tag(text), "Tampa", EntityType.LOCATION), tag(text).toString());
    }

    @Test
    void oneNameMayBeAClubAndAPlaceInOneArticle() {
        String text = "Baseball results on Sunday:\nHOUSTON 5 Chicago 3\nSchedule for Monday:\nHOUSTON AT CHICAGO";
        List<TaggedEntity> es = tag(text);
        assertTrue(has(es, "Chicago", EntityType.ORGANIZATION), es.toString());
        assertTrue(has(es, "CHICAGO", EntityType.LOCATION), es.toString());
        assertEquals(1, es.stream().filter(e -> e.mentions().stream().anyMatch(m -> m.text().equals("HOUSTON"))).count(),
                es.toString());
    }
}

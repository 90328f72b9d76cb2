package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import newsflow.core.EntityType;
import newsflow.core.TaggedEntity;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the failures measured in the design review of the entity stage: one
 * behaviour each, on short passages written for the purpose (not the seeds).
 */
class NewsEntityTaggerReviewTest {

    private static List<TaggedEntity> tag(String text) {
        return SharedTagger.get().tag(null, text);
    }

    /** The entity one of whose mentions is exactly {@code mention} at its first occurrence. */
    private static Optional<TaggedEntity> at(List<TaggedEntity> entities, String text, String mention, int occurrence) {
        int from = -1;
        for (int i = 0; i <= occurrence; i++) {
            from = text.indexOf(mention, from + 1);
        }
        int start = from;
        return entities.stream()
                .filter(e -> e.mentions().stream().anyMatch(m -> m.start() == start && m.text().equals(mention)))
                .findFirst();
    }

    private static boolean anyNamed(List<TaggedEntity> entities, String mention) {
        return entities.stream().anyMatch(e -> e.mentions().stream().anyMatch(m -> m.text().equals(mention)));
    }

    @Test
    void fordTheCompanyDoesNotJoinGeraldFord() {
        String text = "Former president Gerald Ford was remembered on Monday. Ford shares fell 4 percent in "
                + "New York trading after the carmaker cut its forecast.";
        List<TaggedEntity> es = tag(text);
        TaggedEntity gerald = at(es, text, "Gerald Ford", 0).orElseThrow();
        assertEquals(EntityType.PERSON, gerald.type(), es.toString());
        assertTrue(gerald.mentions().stream().noneMatch(m -> m.text().equals("Ford")), gerald.toString());
    }

    @Test
    void chelseaTheClubStaysApartFromChelseaClinton() {
        String text = "Chelsea Clinton attended the match. Chelsea beat Reading 2-1 at Stamford Bridge on Saturday.";
        List<TaggedEntity> es = tag(text);
        TaggedEntity person = at(es, text, "Chelsea Clinton", 0).orElseThrow();
        assertTrue(person.mentions().size() == 1, person.toString());
        assertEquals(EntityType.PERSON, person.type());
    }

    @Test
    void headlineUnIsNotAMentionOfKimJongUn() {
        String text = "KIM JONG UN DEFIES UN WITH NEW MISSILE TEST\n"
                + "Leader Kim Jong Un watched the launch, state media said.";
        List<TaggedEntity> es = tag(text);
        TaggedEntity kim = at(es, text, "Kim Jong Un", 0).orElseThrow();
        assertTrue(kim.mentions().stream().noneMatch(m -> m.text().equals("UN")), kim.toString());
        at(es, text, "UN", 1).ifPresent(un -> assertEquals(EntityType.ORGANIZATION, un.type(), un.toString()));
    }

    @Test
    void surnameOfAPersonIsNotTheCountry() {
        String text = "Representative Jim Jordan of Ohio won the nomination on Friday. "
                + "Jordan told reporters in Washington that he would unite the party.";
        List<TaggedEntity> es = tag(text);
        assertEquals(EntityType.PERSON, at(es, text, "Jordan", 1).orElseThrow().type(), es.toString());
    }

    @Test
    void firstNameOfAPersonIsNotTheCountry() {
        String text = "Chad Smith, the drummer of the Red Hot Chili Peppers, said the band would tour. "
                + "Chad said the first shows would be in Sydney.";
        List<TaggedEntity> es = tag(text);
        assertEquals(EntityType.PERSON, at(es, text, "Chad", 1).orElseThrow().type(), es.toString());
    }

    @Test
    void xianIsACityNotXiJinping() {
        String text = "Xi Jinping visited the city of Xi'an on Wednesday, state television reported.";
        List<TaggedEntity> es = tag(text);
        TaggedEntity xi = at(es, text, "Xi Jinping", 0).orElseThrow();
        assertEquals(1, xi.mentions().size(), xi.toString());
    }

    @Test
    void fedUpIsNotTheFederalReserveWhenTheArticleWritesItInLowerCase() {
        String text = "Shoppers Fed Up With Prices\nShoppers say they are fed up with rising food prices.";
        assertTrue(tag(text).stream().noneMatch(e -> e.type() == EntityType.ORGANIZATION), tag(text).toString());
    }

    @Test
    void sentenceInitialAmbiguousCountryNeedsAnActorVerb() {
        assertTrue(tag("Turkey sandwiches were the best sellers at the fair, organisers said.").isEmpty());
        String text = "Turkey said it would not approve the bid.";
        assertEquals(EntityType.LOCATION, at(tag(text), text, "Turkey", 0).orElseThrow().type());
    }

    @Test
    void hyphenatedCompoundIsNotSplitIntoTwoPlaces() {
        List<TaggedEntity> es = tag("Retailers across the Asia-Pacific region reported similar trends.");
        assertTrue(!anyNamed(es, "Asia") && !anyNamed(es, "Pacific"), es.toString());
    }

    @Test
    void committeeNameWithAndStaysWhole() {
        List<TaggedEntity> es = tag("The Space Science and Technology Committee met on Monday.");
        assertTrue(anyNamed(es, "Space Science and Technology Committee"), es.toString());
    }

    @Test
    void coordinationAfterAnOrganisationHeadNounIsSplit() {
        List<TaggedEntity> es = tag("Officials from the Defense Ministry and National Intelligence Service met on Monday.");
        assertTrue(anyNamed(es, "Defense Ministry") && anyNamed(es, "National Intelligence Service"), es.toString());
    }

    @Test
    void photoCreditIsSplitAtTheSlash() {
        List<TaggedEntity> es = tag("Putin met Kim on Wednesday. Photo: Alexander Kazakov/Sputnik");
        assertTrue(es.stream().noneMatch(e -> e.mentions().stream().anyMatch(m -> m.text().contains("/"))), es.toString());
        assertEquals(EntityType.ORGANIZATION, es.stream().filter(e -> e.mentions().stream()
                .anyMatch(m -> m.text().equals("Sputnik"))).findFirst().orElseThrow().type());
    }

    @Test
    void nameAfterCityOfIsAPlace() {
        String text = "The rocket lifted off near the city of Tsiolkovsky on Friday.";
        assertEquals(EntityType.LOCATION, at(tag(text), text, "Tsiolkovsky", 0).orElseThrow().type());
    }

    @Test
    void koreanNamesDifferingInOneSyllableStayTwoPeople() {
        String text = "Marshal Ri Pyong Chol and Vice Minister Ri Yong Chol also attended the parade.";
        List<TaggedEntity> es = tag(text);
        TaggedEntity a = at(es, text, "Ri Pyong Chol", 0).orElseThrow();
        TaggedEntity b = at(es, text, "Ri Yong Chol", 0).orElseThrow();
        assertNotEquals(a.id(), b.id());
    }

    @Test
    void russianSpellingVariantsJoinOnePerson() {
        String text = "Sergei Ivanov arrived in Ankara. Later, Sergey Ivanov told reporters the talks went well.";
        List<TaggedEntity> es = tag(text);
        assertEquals(at(es, text, "Sergei Ivanov", 0).orElseThrow().id(), at(es, text, "Sergey Ivanov", 0).orElseThrow().id());
    }

    @Test
    void seatAfterAPlacePrepositionIsAPlace() {
        String text = "Reporters waited outside the White House on Tuesday.";
        assertEquals(EntityType.LOCATION, at(tag(text), text, "White House", 0).orElseThrow().type());
    }

    @Test
    void seatAsSpeakerOrOwnerIsAnOrganisation() {
        String text = "A statement on the Kremlin's website said the visit would go ahead. "
                + "Kremlin spokesman Ivan Petrov said more talks were planned.";
        List<TaggedEntity> es = tag(text);
        assertEquals(EntityType.ORGANIZATION, at(es, text, "Kremlin", 0).orElseThrow().type(), es.toString());
        assertEquals(EntityType.ORGANIZATION, at(es, text, "Kremlin", 1).orElseThrow().type(), es.toString());
    }

    @Test
    @org.junit.jupiter.api.Disabled("known regression of the neural recogniser (issue #14): it reads the adjective "
        + "'Houthi' in 'Houthi rebels' as an organisation with probability 0.97; no rule shaped after this one name")
    void adjectiveHouthiIsNotAnOrganisation() {
        String text = "Houthi rebels attacked a cargo ship in the Red Sea, the US Navy said.";
        assertTrue(at(tag(text), text, "Houthi", 0).map(e -> e.type() != EntityType.ORGANIZATION).orElse(true));
    }

    @Test
    void titleCaseHeadlineKeepsItsNames() {
        String text = "Putin Hosts Modi In Moscow As Trade Grows\n"
                + "Vladimir Putin welcomed Narendra Modi on Monday. Modi said trade would grow.";
        List<TaggedEntity> es = tag(text);
        assertEquals(EntityType.PERSON, at(es, text, "Putin", 0).orElseThrow().type(), es.toString());
        assertEquals(EntityType.LOCATION, at(es, text, "Moscow", 0).orElseThrow().type(), es.toString());
        assertTrue(es.stream().noneMatch(e -> e.name().contains("Hosts") || e.name().contains("Grows")), es.toString());
    }

    @Test
    void georgiaIsMarkedAmbiguousInTheKnowledgeBase() {
        KbEntity georgia = KnowledgeBase.loadDefault().entities().stream()
                .filter(e -> e.name().equals("Georgia")).findFirst().orElseThrow();
        assertTrue(georgia.isAmbiguous("Georgia"));
    }
}

package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import newsflow.core.EntityType;
import newsflow.core.TaggedEntity;
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

    @Test
    void aCompanysShortNameJoinsItsFullName() {
        String text = "Shares of Halvard Tooling Co rose 5 percent after the toolmaker agreed to be bought by "
                + "Brenmark International Inc for $40 a share. Brenmark said the deal would close this year. "
                + "Analysts said Halvard shares were cheap.";
        List<TaggedEntity> es = tag(text);
        TaggedEntity brenmark = es.stream().filter(e -> e.name().equals("Brenmark International Inc")).findFirst()
                .orElseThrow(() -> new AssertionError(es.toString()));
        assertEquals(EntityType.ORGANIZATION, brenmark.type());
        assertTrue(brenmark.mentions().stream().anyMatch(m -> m.text().equals("Brenmark")), brenmark.toString());
        assertTrue(has(es, "Halvard Tooling Co", EntityType.ORGANIZATION), "'Shares of' is no part of the name: " + es);
        assertTrue(has(es, "Halvard", EntityType.ORGANIZATION), es.toString());
    }

    @Test
    void aPlaceKeepsItsNameBesideACompanyNamedAfterIt() {
        String text = "The venture, Wuxi Tong Ling Company Ltd, will run the existing factory in Wuxi, Jiangsu province.";
        List<TaggedEntity> es = tag(text);
        assertTrue(has(es, "Wuxi", EntityType.LOCATION), es.toString());
    }

    @Test
    void aQualifierBeforeANameIsNotPartOfIt() {
        String text = "Oslo-based Norvane Shipping ASA said on Monday it had sold two tankers.";
        assertTrue(has(tag(text), "Norvane Shipping ASA", EntityType.ORGANIZATION), tag(text).toString());
    }

    @Test
    void twoNamesJoinedByAndAreSplitWhenTheArticleWritesEachAlone() {
        String text = "Mercantile and Commerce both reported higher profits. Mercantile earned $40 million, "
                + "while Commerce earned $25 million, the banks said.";
        List<TaggedEntity> es = tag(text);
        assertTrue(es.stream().noneMatch(e -> e.mentions().stream().anyMatch(m -> m.text().contains(" and "))),
                es.toString());
    }

    @Test
    void aDatelineNamesAPlaceEvenWhereTheCityHasAClub() {
        String text = "CARDIFF, Aug 31 (Reuters) - Wales beat San Marino 6-0 on Saturday.";
        assertTrue(has(tag(text), "CARDIFF", EntityType.LOCATION), tag(text).toString());
    }

    @Test
    void aDatelineRegionIsAPlaceToo() {
        String text = "FARMINGTON HILLS, Mich. 1996-08-30\nShares of the seat maker rose on Friday.";
        List<TaggedEntity> es = tag(text);
        assertTrue(has(es, "FARMINGTON HILLS", EntityType.LOCATION), es.toString());
    }

    @Test
    void aDatelinesBracketedCreditIsAnOrganisationAndItsPlaceAPlace() {
        String text = "KARVIK CITY (Osterling Wire) — A probe launched by the agency reached orbit on Tuesday, "
                + "officials in Karvik City said.";
        List<TaggedEntity> es = tag(text);
        assertTrue(has(es, "Osterling Wire", EntityType.ORGANIZATION), es.toString());
        assertTrue(es.stream().noneMatch(e -> e.type() != EntityType.LOCATION
                && e.mentions().stream().anyMatch(m -> m.text().equals("KARVIK CITY"))), es.toString());
    }

    @Test
    void aNameCalledAFirmBesideItIsAnOrganisation() {
        String text = "Engineers from Brannvik Structures, the Danish firm that designed the tunnel, said it would open in May.";
        assertTrue(has(tag(text), "Brannvik Structures", EntityType.ORGANIZATION), tag(text).toString());
    }

    @Test
    void theMoonAndPlanetsArePlacesNotPeople() {
        String text = "The probe entered orbit around the Moon on Tuesday. A second mission will fly to Mars in 2031.";
        List<TaggedEntity> es = tag(text);
        assertTrue(es.stream().noneMatch(e -> e.type() == EntityType.PERSON), es.toString());
        assertTrue(has(es, "Moon", EntityType.LOCATION), es.toString());
    }

    @Test
    void aHeadlineSectionBeforeADashIsNoDateline() {
        String text = "SOCCER - ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH.\nBUCHAREST 1996-08-30\n"
                + "Romania beat Lithuania 2-1 on Friday.";
        List<TaggedEntity> es = tag(text);
        assertTrue(es.stream().noneMatch(e -> e.name().equalsIgnoreCase("Soccer")), es.toString());
        assertTrue(has(es, "BUCHAREST", EntityType.LOCATION), es.toString());
    }

    @Test
    void aRegnalNumberIsPartOfTheName() {
        String text = "1533 - Queen Elizabeth I born. 1930 - Belgian King Baudouin I born.";
        List<TaggedEntity> es = tag(text);
        assertTrue(has(es, "Elizabeth I", EntityType.PERSON), es.toString());
        assertTrue(has(es, "Baudouin I", EntityType.PERSON), es.toString());
    }

    @Test
    void theHagueIsNamedWithItsArticle() {
        String text = "THE HAGUE 1996-08-30\nThe Dutch transport minister said on Friday that talks would go on.";
        assertTrue(has(tag(text), "THE HAGUE", EntityType.LOCATION), tag(text).toString());
    }

    @Test
    void everyTeamOfAResultsLineIsFoundOverItsFullName() {
        String text = "Results of English league matches on Saturday:\nSheffield Wednesday 2 Stoke 2\n"
                + "Port Vale 1 Oxford 0";
        List<TaggedEntity> es = tag(text);
        for (String team : List.of("Sheffield Wednesday", "Stoke", "Port Vale", "Oxford")) {
            assertTrue(has(es, team, EntityType.ORGANIZATION), team + ": " + es);
        }
    }

    @Test
    void aCountryInAStandingsTableStaysAPlace() {
        String text = "World Cup qualifying group standings (played, won, drawn, lost, points):\n"
                + "Romania 3 3 0 0 9\nLithuania 3 1 1 1 4";
        List<TaggedEntity> es = tag(text);
        assertTrue(has(es, "Romania", EntityType.LOCATION), es.toString());
        assertTrue(has(es, "Lithuania", EntityType.LOCATION), es.toString());
    }

    @Test
    void aRowOfCompanyFiguresNamesNoTeam() {
        String text = "The company's half-year results, in millions of marks:\nSales 412 389 366\n"
                + "Net profit 21 18 15\nSales rose on higher demand.";
        List<TaggedEntity> es = tag(text);
        assertTrue(es.stream().noneMatch(e -> e.name().equals("Sales")), es.toString());
    }

    @Test
    void aGolferInALeaderboardStaysAPerson() {
        String text = "Leading scores after the third round of the Greater Milwaukee Open:\n"
                + "Nolan Henke 62 68 70\nBob Estes 64 67 69";
        List<TaggedEntity> es = tag(text);
        assertTrue(has(es, "Nolan Henke", EntityType.PERSON), es.toString());
    }

    @Test
    void aTickerInBracketsIsNoDateline() {
        String text = "VELTRAN (VLTR.O) said on Monday its quarterly profit rose.";
        List<TaggedEntity> es = tag(text);
        assertTrue(es.stream().noneMatch(e -> e.type() == EntityType.LOCATION), es.toString());
    }

    @Test
    void aNationalityStaysApartFromACompanyNamedAfterIt() {
        String text = "British Airways Plc said on Monday it would cut fares. British officials welcomed the move.";
        List<TaggedEntity> es = tag(text);
        TaggedEntity airline = es.stream().filter(e -> e.name().equals("British Airways Plc")).findFirst()
                .orElseThrow(() -> new AssertionError(es.toString()));
        assertTrue(airline.mentions().stream().noneMatch(m -> m.text().equals("British")), airline.toString());
    }

    @Test
    void aCamelCaseCompanyNameKeepsItsFirstWord() {
        String text = "Shares of eBay Inc rose 3 percent on Monday, traders said.";
        assertTrue(has(tag(text), "eBay Inc", EntityType.ORGANIZATION), tag(text).toString());
    }

    @Test
    void aDatelineKeepsItsPlaceWhenTheArticleIsAboutTheClub() {
        String text = "SOCCER - BARATELLI TO COACH NICE.\nNICE, France 1996-08-30\n"
                + "Former international goalkeeper Dominique Baratelli is to coach Nice, the club said on Friday.";
        List<TaggedEntity> es = tag(text);
        assertTrue(has(es, "NICE", EntityType.LOCATION), "the dateline: " + es);
        assertTrue(has(es, "Nice", EntityType.ORGANIZATION), "the club: " + es);
    }

    @Test
    void aPlaceBeatenInAMatchIsATeam() {
        String text = "Bath recorded a 56-13 victory over Gloucester on Saturday.";
        assertTrue(has(tag(text), "Gloucester", EntityType.ORGANIZATION), tag(text).toString());
    }

    @Test
    void aStateThatWinsANominationIsStillTheState() {
        String text = "Representative Jim Jordan of Ohio won the Republican nomination for speaker on Friday.";
        assertTrue(has(tag(text), "Ohio", EntityType.LOCATION), tag(text).toString());
    }

    @Test
    void aRankedCompetitorWithACountryIsAPerson() {
        String text = "Men's mile\n1. Tomas Okafor (Nigeria) 3 minutes 49.09 seconds\n2. Venuste Niyongabo (Burundi) 3:51.01\n"
                + "3. Red Star (Serbia) 3:52.40";
        List<TaggedEntity> es = tag(text);
        assertTrue(has(es, "Venuste Niyongabo", EntityType.PERSON), es.toString());
        assertTrue(has(es, "Tomas Okafor", EntityType.PERSON), es.toString());
        assertTrue(es.stream().noneMatch(e -> e.type() == EntityType.PERSON && e.name().equals("Red Star")), es.toString());
    }

    @Test
    void aLegalFormLabelledApartJoinsTheCompanyName() {
        String text = "BEIJING 1996-08-31\nThe Dow Chemical Co of the United States will invest $4 billion in a venture.";
        List<TaggedEntity> es = tag(text);
        assertTrue(es.stream().noneMatch(e -> e.name().equals("Co")), es.toString());
    }

    @Test
    void aHeadNounWithOnOrForBeforeAnotherNameIsOneOrganisation() {
        String text = "The debates are sponsored by the Commission on Presidential Debates, a non-profit group.";
        List<TaggedEntity> es = tag(text);
        assertTrue(es.stream().noneMatch(e -> e.name().equals("Commission")), es.toString());
    }

    @Test
    void aPlayerAfterAShirtNumberIsAPerson() {
        String text = "Teams:\nFrance - 16 - Bernard Lama, 10 - Youri Djorkaeff, 6 - Reynald Pedros (13 - Robert Pires 46th), "
                + "14 - Joaquin del Olmo";
        List<TaggedEntity> es = tag(text);
        for (String player : List.of("Bernard Lama", "Youri Djorkaeff", "Reynald Pedros", "Robert Pires", "Joaquin del Olmo")) {
            assertTrue(has(es, player, EntityType.PERSON), player + ": " + es);
        }
    }

    @Test
    void aHeadlineTopicJoinedByAHyphenIsNotPartOfTheName() {
        String text = "BOXING-BRUNO FIGHTS ON.\nLONDON 1996-08-30\n"
                + "Frank Bruno said on Friday he would box again, ending talk of retirement from boxing.";
        List<TaggedEntity> es = tag(text);
        assertTrue(es.stream().noneMatch(e -> e.mentions().stream().anyMatch(m -> m.text().startsWith("BOXING"))),
                es.toString());
    }

    @Test
    void aMiscNameEndingInAnOrganisationsHeadNounIsAnOrganisation() {
        String text = "The American Stock Exchange index was down 1.66 points at 559.68 on Friday.";
        assertTrue(has(tag(text), "American Stock Exchange", EntityType.ORGANIZATION), tag(text).toString());
    }

    @Test
    void aSportsLeagueStaysACompetition() {
        String text = "The Orioles remained tied with the White Sox for the American League wild card.";
        assertTrue(tag(text).stream().noneMatch(e -> e.name().equals("American League")
                && e.type() == EntityType.ORGANIZATION), tag(text).toString());
    }

    @Test
    void aNameWithParticlesIsOneName() {
        String text = "Springbok scrum-half Joost van der Westhuizen scored the first try on Saturday.";
        assertTrue(has(tag(text), "Joost van der Westhuizen", EntityType.PERSON), tag(text).toString());
    }

    @Test
    void aPublicationKeepsItsCapitalisedArticle() {
        String text = "The Sunday Telegraph quoted the astrologer as saying she did not advise the princess.";
        assertTrue(has(tag(text), "The Sunday Telegraph", EntityType.ORGANIZATION), tag(text).toString());
    }

    @Test
    void aSectionWordBeforeAHyphenIsNoPartOfTheName() {
        String text = "TENNIS-SELES WINS IN NEW HAVEN.\nNEW HAVEN, Connecticut 1996-08-30\nMonica Seles won on Friday.";
        List<TaggedEntity> es = tag(text);
        assertTrue(es.stream().noneMatch(e -> e.mentions().stream().anyMatch(m -> m.text().startsWith("TENNIS"))),
                es.toString());
    }

    @Test
    void aGivenNameAloneJoinsTheOnlyPersonWhoBearsIt() {
        String text = "Coach Glenn Hoddle named Alan Shearer captain on Friday. \"I'm sure Alan is the man for the job,\" "
                + "Hoddle said.";
        List<TaggedEntity> es = tag(text);
        TaggedEntity shearer = es.stream().filter(e -> e.name().equals("Alan Shearer")).findFirst()
                .orElseThrow(() -> new AssertionError(es.toString()));
        assertTrue(shearer.mentions().stream().anyMatch(m -> m.text().equals("Alan")), shearer.toString());
    }
}

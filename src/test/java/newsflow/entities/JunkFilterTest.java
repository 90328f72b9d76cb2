package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import newsflow.core.EntityType;
import org.junit.jupiter.api.Test;

class JunkFilterTest {

    private static String clean(String text, EntityType type) {
        Span s = JunkFilter.clean(text, new Span(0, text.length(), type, null));
        return s == null ? null : s.text(text);
    }

    @Test
    void titlesAreTrimmedFromPeople() {
        assertEquals("Putin", clean("Mr Putin", EntityType.PERSON));
        assertEquals("Fumio Kishida", clean("Prime Minister Fumio Kishida", EntityType.PERSON));
        assertEquals("Kim Myong Sik", clean("Navy Admiral Kim Myong Sik", EntityType.PERSON));
    }

    @Test
    void functionWordsOfOrganisationsAreKept() {
        assertEquals("State Department", clean("State Department", EntityType.ORGANIZATION));
        assertEquals("Foreign Ministry", clean("Foreign Ministry", EntityType.ORGANIZATION));
    }

    @Test
    void possessivesBylinesAndCreditsAreTrimmed() {
        assertEquals("Kremlin", clean("Kremlin’s", EntityType.ORGANIZATION));
        assertEquals("Press Association", clean("By Press Association", EntityType.ORGANIZATION));
        assertEquals("Kremlin", clean("Kremlin Pool Photo", EntityType.LOCATION));
        assertEquals("U.S.", clean("U.S.", EntityType.LOCATION));
    }

    @Test
    void bareTitlesAreJunkButTitleLikeSurnamesAreNot() {
        assertNull(clean("Mr", EntityType.PERSON));
        assertNull(clean("President", EntityType.PERSON));
        assertEquals("Major", clean("Major", EntityType.PERSON));
    }

    @Test
    void interfaceWordsAreJunkOnlyOutsideProse() {
        String bar = "Share\nFacebook\nTwitter";
        assertNull(JunkFilter.clean(bar, new Span(6, 14, EntityType.ORGANIZATION, null)));
        String prose = "Facebook said on Tuesday that it had removed hundreds of fake accounts.";
        assertEquals("Facebook", JunkFilter.clean(prose, new Span(0, 8, EntityType.ORGANIZATION, null)).text(prose));
    }

    @Test
    void iconLabelsAndWebAddressesAreJunk() {
        String icons = "Calendar An icon of a desk calendar. Facebook An icon of the Facebook logo.";
        assertNull(JunkFilter.clean(icons, new Span(37, 45, EntityType.ORGANIZATION, null)));
        String site = "Did you know that Riverbender. com is free?";
        assertNull(JunkFilter.clean(site, new Span(18, 29, EntityType.PERSON, null)));
    }

    @Test
    void aLowerCaseParticleJoinedToACapitalisedNameIsAName() {
        assertEquals("al-Aqsa", clean("al-Aqsa", EntityType.LOCATION));
        assertNull(clean("well-known", EntityType.MISC));
    }

    @Test
    void wordsAreTheMatchesOfTheWordExpression() {
        Pattern word = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019.\\-]*");
        for (String s : AwkwardStrings.sample(20_000)) {
            List<String> expected = word.matcher(s).results().map(MatchResult::group).toList();
            assertEquals(expected, JunkFilter.words(s), s);
        }
    }
}

package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class BlockTextEmitterTest {

    /** The definition the hand-written key replaced. */
    private static String regexKey(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s]+", " ").strip();
    }

    private static final List<String> TITLES = List.of(
            "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play—and Pay",
            "“It’s over” – PM says talks with the EU have failed!",
            "Trump's $1.5bn plan (part 2/3) + what's next?",
            "Die Bundesregierung beschließt das Gesetz – „endgültig“",
            "  leading and trailing   spaces  ",
            "ΟΔΟΣ ΠΡΟΣ ΤΙΣ ΕΚΛΟΓΕΣ",
            "政府周三宣布了一项新法律：限制租金");

    @Test
    void aKeyIsLowerCaseWithEachRunOfPunctuationSymbolsAndSpacesAsOneSpace() {
        for (String t : TITLES) {
            assertEquals(regexKey(t), BlockTextEmitter.key(t), t);
        }
    }

    @Test
    void aParagraphMatchesTheTitleWhateverItsCaseQuotesAndDashes() {
        String key = BlockTextEmitter.key("Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play—and Pay");
        assertTrue(BlockTextEmitter.keyEquals("GOOGLE STADIA MICROSOFT XCLOUD APPLE ARCADE: so many ways to play - and pay.", key));
        assertFalse(BlockTextEmitter.keyEquals("Google Stadia, Microsoft xCloud, Apple Arcade: so many ways to play", key));
        assertFalse(BlockTextEmitter.keyEquals("Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play—and Pay more", key));
        for (String t : TITLES) {
            assertTrue(BlockTextEmitter.keyEquals(t, BlockTextEmitter.key(t)), t);
            assertFalse(BlockTextEmitter.keyEquals(t + " x", BlockTextEmitter.key(t)), t);
        }
    }

    @Test
    void aParagraphRepeatingATurkishTitleIsRecognisedThoughLowerCasingLengthensIt() {
        String title = "İstanbul İçin Yeni Karar";
        assertTrue(BlockTextEmitter.key(title).length() > title.length());
        assertTrue(BlockTextEmitter.keyEquals(title, BlockTextEmitter.key(title)));
        org.jsoup.nodes.Element container = org.jsoup.Jsoup.parse("<div><p>" + title + "</p><p>Belediye meclisi dün "
                + "akşam yeni kararı oy birliğiyle kabul etti ve uygulama önümüzdeki ay başlayacak.</p></div>").body();
        List<String> paragraphs = BlockTextEmitter.emit(container, title, Deadline.start(java.time.Duration.ofSeconds(5)));
        assertEquals(1, paragraphs.size(), paragraphs.toString());
    }
}

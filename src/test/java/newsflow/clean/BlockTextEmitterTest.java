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
    void lowerCasingAStringLowerCasesEachCodePointAloneButACapitalSigmaAndADottedCapitalI() {
        // keyEquals compares code point by code point on this premise.
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp == 0x03A3 || cp == 0x0130 || !Character.isDefined(cp) || Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                continue;
            }
            String alone = new String(Character.toChars(cp));
            String lower = new String(Character.toChars(Character.toLowerCase(cp)));
            assertEquals(lower, alone.toLowerCase(Locale.ROOT), Integer.toHexString(cp));
            assertEquals("a" + lower + "b", ("a" + alone + "b").toLowerCase(Locale.ROOT), Integer.toHexString(cp));
            assertEquals("a" + lower, ("a" + alone).toLowerCase(Locale.ROOT), Integer.toHexString(cp)); // word-final
        }
    }

    @Test
    void keyEqualsAgreesWithComparingKeysOnMixedScriptsCasesAndPunctuation() {
        String[] pieces = {"σ", "ς", "I", "ı", "i", "ǅ", "Ǆ", "ß", "ẞ", "K", "\u212A", "\u2126", "Ω", "𐐀", "𐐨", "政府", "—", "“", ",",
            " ", "\u00A0", "\u3000", "-", "a", "B", "Ą", "é", "É", "\u0301", "5", "٣", "ΟΔΟ", "αβ", "\uD800", "\uDC00"};
        String[] rare = {"Σ", "ΟΔΟΣ", "İ", "İs"}; // these take the fallback: in one text in ten
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 20_000; n++) {
            String a = randomText(random, pieces, rare);
            String b = random.nextInt(4) == 0 ? a : random.nextBoolean() ? randomText(random, pieces, rare) : a.toUpperCase(Locale.ROOT);
            String key = BlockTextEmitter.key(b);
            assertEquals(BlockTextEmitter.key(a).equals(key), BlockTextEmitter.keyEquals(a, key), a + " / " + b);
        }
    }

    private static String randomText(java.util.Random random, String[] pieces, String[] rare) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(6); i >= 0; i--) {
            s.append(pieces[random.nextInt(pieces.length)]);
        }
        if (random.nextInt(10) == 0) {
            s.insert(random.nextInt(s.length() + 1), rare[random.nextInt(rare.length)]);
        }
        return s.toString();
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

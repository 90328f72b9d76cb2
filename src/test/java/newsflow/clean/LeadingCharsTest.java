package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@link LeadingChars} and the caption pre-check only skip patterns that could not have
 * matched: on random lines made of the patterns' own words, case variants and odd characters,
 * they answer as the patterns do.
 */
class LeadingCharsTest {

    private static final Pattern LABEL = Pattern.compile(
            "(?iu)^(?:advertisement|ad|ads|share (?:this|on)\\b.*|(?:\\d+\\s+)?comments?|(?:©|\\(c\\)|copyright\\b).*"
                    + "|by\\s+[\\p{Lu}\\p{Lo}].{0,80}|реклама|광고|ähnliche artikel)$");
    private static final String[] PIECES = {"advertisement", "Advertisement", "AD", "ad", "ads", "share this", "SHARE ON",
        "ſhare this", "comments", "3 comments", "©", "(c)", "copyright", "by ", "By Jane", "реклама", "РЕКЛАМА", "광고",
        "Ähnliche Artikel", "x", " ", "\u212a", "\u0130", "1", "(", ")", "photo", "/", "AP", "\u2028", "\u0085", "\n", "\t"};

    @Test
    void aLineIsMatchedExactlyWhenThePatternMatchesIt() {
        LeadingChars starts = new LeadingChars(LABEL);
        Random random = new Random(15);
        for (int i = 0; i < 100_000; i++) {
            String line = line(random);
            assertEquals(LABEL.matcher(line).matches(), starts.matches(line), line);
        }
    }

    @Test
    void aFirstCharacterNoAlternativeStartsWithRulesTheLineOut() {
        LeadingChars starts = new LeadingChars(LABEL);
        assertFalse(starts.mayMatch("Zebra crossing"));
        assertTrue(starts.mayMatch("Advertisement"));
        assertTrue(starts.mayMatch("ADS"));
    }

    @Test
    void theCaptionPreCheckAgreesWithTheCaptionPattern() {
        Random random = new Random(16);
        for (int i = 0; i < 100_000; i++) {
            String line = line(random);
            assertEquals(PlainTextCleaner.CAPTION.matcher(line).find(), PlainTextCleaner.isCaption(line), line);
        }
        assertTrue(PlainTextCleaner.isCaption("The minister in Paris. (Jane Doe/AP) \u2028"));
    }

    private static String line(Random random) {
        StringBuilder line = new StringBuilder();
        for (int p = 1 + random.nextInt(4); p > 0; p--) {
            line.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return line.toString();
    }
}

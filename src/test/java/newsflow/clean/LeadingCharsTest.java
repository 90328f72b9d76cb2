package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    /** Words the chrome-label, byline, dated-label and related-heading patterns start with, and others. */
    private static final String[] LINE_PIECES = {"Advertisement", "ADVERTISING", "Anzeige", "Sponsored content", "Ad", "ads",
        "Skip to main content", "Loading", "Read more", "See also", "Related stories", "More from", "Recommended for you",
        "Most read", "Trending now", "You may also like", "Also read", "Up next", "Click here", "Share this", "Share", "Tweet",
        "Print", "Email", "Follow us on", "3 comments", "Leave a comment", "Photo:", "Image credit:", "© 2024", "(c)",
        "Copyright", "All rights reserved", "Back to top", "Tags:", "Filed under", "Lire aussi", "Lesen Sie auch", "Реклама",
        "광고", "By", "by Jane Doe", "Written by", "Posted by", "Words by", "Published", "Updated on", "Last updated",
        "First published", "Modified", "Date:", "2024", "November 20th, 2019", "More great stories", "Other articles",
        "Latest news", "Top stories", "Further reading", "Also", "coverage", "links:", "ſhare", "İ", "ı", "\u212a", "ß",
        " ", " ", "the minister said", "x", "1", ".", ":"};

    /** The patterns the clean stage guards with {@link LeadingChars}. */
    private static final List<Pattern> GUARDED = List.of(ChromeLines.LABEL, BlockTextEmitter.BYLINE,
            BlockTextEmitter.DATED_LABEL, BlockTextEmitter.RELATED_HEADING);

    @Test
    void eachGuardedPatternIsMatchedExactlyWhenItMatches() {
        Random random = new Random(15);
        for (Pattern pattern : GUARDED) {
            LeadingChars starts = new LeadingChars(pattern);
            int matched = 0;
            for (int i = 0; i < 50_000; i++) {
                StringBuilder line = new StringBuilder();
                for (int p = 1 + random.nextInt(4); p > 0; p--) {
                    line.append(LINE_PIECES[random.nextInt(LINE_PIECES.length)]).append(random.nextBoolean() ? " " : "");
                }
                String s = line.toString().strip();
                boolean expected = pattern.matcher(s).matches();
                matched += expected ? 1 : 0;
                assertEquals(expected, starts.matches(s), () -> pattern + " on " + s);
            }
            assertTrue(matched > 100, "too few lines match " + pattern + ": " + matched);
        }
    }

    @Test
    void aSmallPatternIsMatchedExactlyWhenItMatches() {
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

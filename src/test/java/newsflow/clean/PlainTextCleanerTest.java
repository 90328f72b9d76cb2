package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import newsflow.core.CleanArticle;
import newsflow.ingest.RawPage;
import org.junit.jupiter.api.Test;

/** Scraped plain text: chrome recognised by its form, header lines read as metadata. */
class PlainTextCleanerTest {

    private static final String P1 = "Flood waters receded across the valley on Sunday, leaving farmers to count the "
            + "cost of the worst storm in a generation.";
    private static final String P2 = "Officials said power would be restored to most homes by Wednesday.";
    private static final String P3 = "The regional government has promised emergency grants for families whose homes "
            + "were damaged, though details remain unclear.";

    private final ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults());

    private CleanArticle clean(String text) {
        return cleaner.clean(new RawPage("https://x.example/flood", null, text, null, null, null,
                "2025-02-01T00:00:00Z", null));
    }

    @Test
    void readsTitleBylineAndDateFromHeaderAndDropsIconLabels() {
        String text = "Published 2025-01-12 Search A magnifying glass icon. Menu An icon of three lines. "
                + "Bell Icon An icon of a bell. Share An icon of an arrow.\n"
                + "Valley counts cost of historic flood\n\n"
                + "By Maria Lopez\n" + P1 + "\n\n" + P2 + "\n\n" + P3;
        CleanArticle a = clean(text);
        assertEquals("Valley counts cost of historic flood", a.title());
        assertEquals("Maria Lopez", a.byline());
        assertEquals("2025-01-12", a.publishedAt());
        assertEquals(String.join("\n\n", P1, P2, P3), a.text());
    }

    @Test
    void dropsCaptionsWithCreditsAndTheirAltText() {
        String text = P1 + "\n\nRescue boats on the river\nVolunteers helped evacuate residents (Jane Smith/Reuters)\n\n"
                + P2 + "\n\nA farmer looks at his field (Photo via AFP, File)\n\n" + P3;
        assertEquals(String.join("\n\n", P1, P2, P3), clean(text).text());
    }

    @Test
    void dropsWidgetPleaAndCommentFormLines() {
        String text = P1 + "\n\nLoading the forecast. . .\n\nGet our free morning newsletter in your inbox.\n\n" + P2
                + "\n\nPlease disable your ad blocker to support our reporters.\n\n" + P3
                + "\n\n___\n\nFollow Valley News on https://social.example/valley\n\nLeave a Reply\n\n"
                + "Your email address will not be published. Required fields are marked *";
        assertEquals(String.join("\n\n", P1, P2, P3), clean(text).text());
    }

    @Test
    void doesNotInventTitleFromFirstSentence() {
        CleanArticle a = clean(P1 + "\n\n" + P2 + "\n\n" + P3);
        assertNull(a.title());
        assertEquals(String.join("\n\n", P1, P2, P3), a.text());
    }

    @Test
    void ignoresFutureDateInHeader() {
        CleanArticle a = clean("Date 2031-05-05 Home An icon of a house. Menu An icon of lines. Bell An icon of a bell.\n"
                + P1 + "\n\n" + P2 + "\n\n" + P3);
        assertNull(a.publishedAt());
    }
}

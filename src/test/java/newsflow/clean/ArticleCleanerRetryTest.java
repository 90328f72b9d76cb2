package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import newsflow.core.CleanArticle;
import newsflow.ingest.RawPage;
import org.junit.jupiter.api.Test;

/**
 * A page whose class names hide its story is cleaned a second time without class hints
 * ({@link CleaningSignal#RETRY_WITHOUT_CLASS_HINTS}); an index page stays one.
 */
class ArticleCleanerRetryTest {

    private static final String STORY = "<p>The harbour authority said on Friday that the new quay would open in "
            + "the spring, two years later than planned, after divers found the old foundations unsound.</p>"
            + "<p>Fishing crews, who have moored at a temporary pontoon since the work began, said the delay "
            + "would cost them another season of higher fees and longer waits for ice.</p>"
            + "<p>The authority's chair promised a meeting with the crews before the end of the month.</p>";

    private final ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults());
    private final ArticleCleaner withoutRetry = new ArticleCleaner(
            CleaningPolicy.newsDefaults().without(CleaningSignal.RETRY_WITHOUT_CLASS_HINTS));

    /** Prose of about the story's length in a side column, which the pruning always removes. */
    private static final String ASIDE = "<aside><p>Our newsroom has covered the port and its people for more than "
            + "ninety years, from the great storm of the fifties to the container terminal that opened last spring.</p>"
            + "<p>Readers who want to share a story from the waterfront can reach the duty editor every day of the "
            + "week, and letters on local matters appear in the weekend edition.</p></aside>";

    /**
     * A page whose story sits in a block named like a comment thread, beside two side columns
     * that hold as much prose each: no block holds most of the page's prose, so the class
     * hint removes the story block and the first pass finds nothing.
     */
    private static String storyInABlockNamedChrome() {
        return "<html><head><title>Quay opening delayed</title></head><body>"
                + "<ul class=\"site-links\"><li><a href=\"/\">Home</a></li><li><a href=\"/port\">Port</a></li></ul>"
                + ASIDE + "<div class=\"live-comment-stream\">" + STORY + "</div>" + ASIDE + "</body></html>";
    }

    @Test
    void aStoryInABlockTheClassHintsRemoveIsFoundByTheSecondPass() {
        CleanArticle a = cleaner.clean(RawPage.ofHtml("https://port.example/quay", storyInABlockNamedChrome()));

        assertTrue(a.text().startsWith("The harbour authority said on Friday"), a.text());
        assertTrue(a.text().endsWith("before the end of the month."), a.text());
        assertFalse(a.text().contains("Home"), a.text());
        assertFalse(a.text().contains("newsroom"), a.text());
    }

    @Test
    void withoutTheRetryThatPageHasNoStory() {
        UnusablePageException e = assertThrows(UnusablePageException.class,
                () -> withoutRetry.clean(RawPage.ofHtml("https://port.example/quay", storyInABlockNamedChrome())));

        assertTrue(e.getMessage().startsWith("no article body found"), e.getMessage());
    }

    @Test
    void aListOfTeasersInABlockNamedChromeIsStillAnIndexPageWithTheFirstPasssReason() {
        StringBuilder html = new StringBuilder("<html><body><main><h1>World news</h1><div class=\"promo-stream\">");
        for (int i = 0; i < 12; i++) {
            html.append("<div class=\"story\"><h2><a href=\"/s/").append(i).append("\">Ministers meet again as talks on the ")
                    .append(i).append(" accord drag on</a></h2><p>Negotiators from both sides said on Monday that progress "
                    + "had been slow but that they expected to reach a deal before the end of the month.</p></div>");
        }
        html.append("</div></main></body></html>");
        String page = html.toString();

        UnusablePageException withRetry = assertThrows(UnusablePageException.class,
                () -> cleaner.clean(RawPage.ofHtml("https://x.example/world", page)));
        UnusablePageException firstPassOnly = assertThrows(UnusablePageException.class,
                () -> withoutRetry.clean(RawPage.ofHtml("https://x.example/world", page)));

        assertEquals(firstPassOnly.getMessage(), withRetry.getMessage());
    }

    @Test
    void aPageWithAStoryIsCleanedOnceAsBefore() {
        String html = "<html><body><nav><a href=\"/\">Home</a></nav><article>" + STORY + "</article></body></html>";

        assertEquals(withoutRetry.clean(RawPage.ofHtml("https://port.example/a", html)),
                cleaner.clean(RawPage.ofHtml("https://port.example/a", html)));
    }

    /** Page 0472 of the web benchmark (a tuning page): a football live report whose entries are classed "live-match-comment". */
    @Test
    void aRealLiveReportWhoseEntriesAreNamedCommentsKeepsThem() throws IOException {
        String html = BenchmarkPages.web("0472");
        List<String> with = BenchmarkPages.webSegmentsWith("0472");

        String text = cleaner.clean(RawPage.ofHtml("https://www.sports.fr/direct-foot/", html)).text();

        assertFalse(with.isEmpty());
        for (String segment : with) {
            assertTrue(text.contains(segment), segment);
        }
        assertThrows(UnusablePageException.class,
                () -> withoutRetry.clean(RawPage.ofHtml("https://www.sports.fr/direct-foot/", html)));
    }
}

package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;

import newsflow.core.CleanArticle;
import newsflow.ingest.RawPage;
import org.junit.jupiter.api.Test;

/** The HTML path: story kept whole, chrome dropped, metadata read from structured data and meta tags. */
class ArticleCleanerHtmlTest {

    private static final String STORY_1 = "The city council approved a new transit plan on Monday after a "
            + "debate that lasted nearly six hours and drew hundreds of residents.";
    private static final String STORY_2 = "Under the plan, bus service will expand to three new districts, "
            + "and fares for students and seniors will fall by half starting in March.";
    private static final String STORY_3 = "Critics said the council had not explained how it would pay for the "
            + "expansion once federal grants run out in two years.";

    private static String page(String head, String articleExtra) {
        return "<html lang=\"en\"><head><title>Council approves transit plan | The Daily Example</title>"
                + head + "</head><body>"
                + "<header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav></header>"
                + "<div class=\"cookie-banner\">We use cookies to improve your experience. Accept all cookies</div>"
                + "<main><article><h1>Council approves transit plan</h1>"
                + "<div class=\"byline\">By Jane Roe</div>"
                + "<div class=\"share-bar\"><a href=\"#\">Facebook</a><a href=\"#\">Twitter</a></div>"
                + "<div class=\"article-body\">"
                + "<p>" + STORY_1 + "</p>"
                + "<figure><img src=\"a.jpg\"><figcaption>Residents at the meeting (Photo: John Doe)</figcaption></figure>"
                + "<p>It passed 7-2.</p>"
                + "<h2>What changes</h2>"
                + "<p>" + STORY_2 + "</p>"
                + "<ul><li>Route 4 runs every ten minutes.</li><li>Night buses return on Fridays.</li></ul>"
                + "<blockquote>We listened to every neighbourhood, the mayor said.</blockquote>"
                + "<div class=\"newsletter-signup\">Sign up for our free daily newsletter</div>"
                + "<p>" + STORY_3 + "</p>"
                + articleExtra
                + "</div>"
                + "<div class=\"related-stories\"><h3>Related</h3><ul>"
                + "<li><a href=\"/a\">Mayor announces re-election bid after a long year in office</a></li>"
                + "<li><a href=\"/b\">Bridge repairs delayed again as costs climb past estimates</a></li></ul></div>"
                + "</article></main>"
                + "<section id=\"comments\"><h3>3 Comments</h3><p>This plan is a waste of money and "
                + "nobody asked the people who actually ride the bus every single day.</p></section>"
                + "<footer><p>© 2024 The Daily Example. All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer>"
                + "</body></html>";
    }

    private final ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults());

    private CleanArticle clean(String html) {
        return cleaner.clean(new RawPage("https://news.example/2024/03/04/transit", html, null, null, null, null,
                "2024-03-05T12:00:00Z", null));
    }

    @Test
    void keepsEveryStoryBlockInOrder() {
        String text = clean(page("", "")).text();
        assertEquals(String.join("\n\n", STORY_1, "It passed 7-2.", "What changes", STORY_2,
                "Route 4 runs every ten minutes.", "Night buses return on Fridays.",
                "We listened to every neighbourhood, the mayor said.", STORY_3), text);
    }

    @Test
    void dropsChromeAroundTheStory() {
        String text = clean(page("", "")).text();
        for (String junk : new String[] {"Home", "cookies", "Facebook", "newsletter", "Mayor announces",
            "waste of money", "All rights reserved", "Photo: John Doe", "By Jane Roe"}) {
            assertFalse(text.contains(junk), "chrome survived: " + junk);
        }
    }

    @Test
    void readsMetadataFromJsonLd() {
        String ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{"
                + "\"@type\":\"NewsArticle\",\"headline\":\"Council approves transit plan\","
                + "\"datePublished\":\"2024-03-04T09:15:00+01:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Roe\"},"
                + "{\"@type\":\"Person\",\"name\":\"Max Muster\"}],\"publisher\":{\"@type\":\"Organization\","
                + "\"name\":\"The Daily Example\"}}]}</script>";
        CleanArticle a = clean(page(ld, ""));
        assertEquals("Council approves transit plan", a.title());
        assertEquals("Jane Roe, Max Muster", a.byline());
        assertEquals("2024-03-04T09:15:00+01:00", a.publishedAt());
        assertEquals("The Daily Example", a.source());
        assertEquals("en", a.language());
    }

    @Test
    void readsMetadataFromMetaTagsAndStripsSiteSuffix() {
        String meta = "<meta property=\"og:site_name\" content=\"The Daily Example\">"
                + "<meta property=\"article:published_time\" content=\"2024-03-04\">"
                + "<meta name=\"author\" content=\"By Jane Roe, March 4, 2024\">";
        CleanArticle a = clean(page(meta, ""));
        assertEquals("Council approves transit plan", a.title());
        assertEquals("Jane Roe", a.byline());
        assertEquals("2024-03-04", a.publishedAt());
    }

    @Test
    void rejectsPublicationDateAfterFetchTime() {
        String meta = "<meta property=\"article:published_time\" content=\"2031-01-01T00:00:00Z\">";
        CleanArticle a = cleaner.clean(new RawPage("https://news.example/transit", page(meta, ""), null, null, null,
                null, "2024-03-05T12:00:00Z", null));
        assertNull(a.publishedAt());
    }

    @Test
    void ignoresDatesInScriptCode() {
        String script = "<script>var buildDate = '2019-05-05'; window.config = {published: '2020-01-01'};</script>";
        CleanArticle a = cleaner.clean(new RawPage("https://news.example/transit", page(script, ""), null, null,
                null, null, "2024-03-05T12:00:00Z", null));
        assertNull(a.publishedAt());
    }

    @Test
    void normalisesToNfcAndKeepsCurlyQuotesAndOtherScripts() {
        String decomposed = Normalizer.normalize("Café owners said “it’s a good day” — Москва, 東京.", Normalizer.Form.NFD);
        String text = clean(page("", "<p>" + decomposed + "</p>")).text();
        assertTrue(text.endsWith("Café owners said “it’s a good day” — Москва, 東京."), text);
        assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC));
    }

    @Test
    void leavesInputPageUnchangedAndIsRepeatable() {
        String html = page("", "");
        RawPage raw = RawPage.ofHtml("https://news.example/transit", html);
        String first = cleaner.clean(raw).text();
        assertEquals(first, cleaner.clean(raw).text());
        assertEquals(html, raw.html());
    }

    @Test
    void keepsTheLedeInTheArticlesOwnHeaderButNotTheSiteHeader() {
        String lede = "Residents packed the hall for a vote that will reshape how the city moves.";
        String html = "<html><head><title>Council approves transit plan</title></head><body>"
                + "<header><p>The Daily Example, your city's paper since 1901, every morning.</p></header>"
                + "<article><header><h1>Council approves transit plan</h1><p>" + lede + "</p></header>"
                + "<p>" + STORY_1 + "</p><p>" + STORY_2 + "</p><p>" + STORY_3 + "</p></article></body></html>";
        String text = clean(html).text();
        assertTrue(text.startsWith(lede + "\n\n" + STORY_1), text);
        assertFalse(text.contains("since 1901"), text);
        String inMain = html.replace("<article>", "<main>").replace("</article>", "</main>");
        assertTrue(clean(inMain).text().startsWith(lede + "\n\n" + STORY_1), inMain);
    }

    @Test
    void dropsListAfterRelatedStoriesHeading() {
        String extra = "<hr><div class=\"heading-h3\">More Great Example Stories</div><ul>"
                + "<li>Bridge repairs across the whole county are <a href=\"/a\">delayed again</a></li>"
                + "<li>What the mayor's new budget means for your family, <a href=\"/b\">in charts</a></li></ul>";
        String text = clean(page("", extra)).text();
        assertTrue(text.endsWith(STORY_3), text);
    }

    @Test
    void keepsLongSentenceEvenWhenMostlyLinks() {
        String linked = "<p><a href=\"/a\">Transit officials in three neighbouring counties</a> said they would "
                + "<a href=\"/b\">study the plan closely before deciding whether to join it next year</a>.</p>";
        assertTrue(clean(page("", linked)).text().contains("study the plan closely"));
    }

    @Test
    void fallsBackToStructuredArticleBodyWhenMarkupHasNoText() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Plan\","
                + "\"articleBody\":\"" + STORY_1 + "\\n" + STORY_2 + "\\n" + STORY_3 + "\"}</script>";
        String html = "<html><head>" + ld + "</head><body><div id=\"app\"></div>"
                + "<nav><a href=\"/\">Home</a></nav></body></html>";
        CleanArticle a = cleaner.clean(RawPage.ofHtml("https://news.example/app", html));
        assertEquals(String.join("\n\n", STORY_1, STORY_2, STORY_3), a.text());
    }
}

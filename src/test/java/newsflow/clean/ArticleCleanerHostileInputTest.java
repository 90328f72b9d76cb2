package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import newsflow.core.CleanArticle;
import newsflow.ingest.RawPage;
import org.junit.jupiter.api.Test;

/** Bad or hostile pages end in bounded time with an article or a plain reason. */
class ArticleCleanerHostileInputTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String PARAGRAPH = "<p>The council voted on Tuesday to approve the new budget, "
            + "which raises spending on schools and roads by a tenth over last year.</p>";

    private final ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults());

    @Test
    void rejectsPageOverTheSizeLimit() {
        ArticleCleaner small = new ArticleCleaner(CleaningPolicy.newsDefaults().withMaxPageBytes(1000));
        String html = "<html><body>" + PARAGRAPH.repeat(20) + "</body></html>";
        UnusablePageException e = assertThrows(UnusablePageException.class,
                () -> small.clean(RawPage.ofHtml("https://x.example/a", html)));
        assertTrue(e.getMessage().startsWith("page too large: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" bytes > limit 1000"), e.getMessage());
    }

    @Test
    void rejectsMultiMegabytePageByDefaultLimit() {
        String html = "<html><body>" + PARAGRAPH.repeat(40_000) + "</body></html>";
        UnusablePageException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(UnusablePageException.class,
                () -> cleaner.clean(RawPage.ofHtml("https://x.example/a", html))));
        assertTrue(e.getMessage().contains("> limit 5242880"), e.getMessage());
    }

    @Test
    void cleansLargePageUnderTheLimitInBoundedTime() {
        String html = "<html><body><div>" + PARAGRAPH.repeat(25_000) + "</div></body></html>";
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                CleanArticle a = cleaner.clean(RawPage.ofHtml("https://x.example/a", html));
                assertTrue(a.text().length() > 1_000_000);
            } catch (UnusablePageException e) {
                assertTrue(e.getMessage().contains("time budget"), e.getMessage());
            }
        });
    }

    @Test
    void rejectsBinaryBytes() {
        StringBuilder junk = new StringBuilder("\u0089PNG\r\n\u001a\n");
        for (int i = 0; i < 4000; i++) {
            junk.append((char) (i * 31 % 256));
        }
        UnusablePageException e = assertThrows(UnusablePageException.class,
                () -> cleaner.clean(RawPage.ofHtml("https://x.example/img", junk.toString())));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void rejectsDeeplyNestedMarkupQuickly() {
        String html = "<html><body>" + "<div><span>".repeat(100_000) + PARAGRAPH + "</body></html>";
        UnusablePageException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(UnusablePageException.class,
                () -> cleaner.clean(RawPage.ofHtml("https://x.example/deep", html))));
        assertTrue(e.getMessage().startsWith("markup nested too deeply: depth "), e.getMessage());
    }

    @Test
    void keepsArticleNestedModeratelyDeep() {
        String html = "<html><body>" + "<div>".repeat(150) + PARAGRAPH.repeat(5) + "</body></html>";
        CleanArticle a = cleaner.clean(RawPage.ofHtml("https://x.example/nested", html));
        assertTrue(a.text().startsWith("The council voted on Tuesday"));
    }

    @Test
    void rejectsIndexPageWithoutArticle() {
        StringBuilder html = new StringBuilder("<html><body><h1>Latest news</h1><ul>");
        for (int i = 0; i < 60; i++) {
            html.append("<li><a href=\"/story/").append(i).append("\">Headline number ").append(i)
                    .append(" about the day's events</a></li>");
        }
        html.append("</ul></body></html>");
        UnusablePageException e = assertThrows(UnusablePageException.class,
                () -> cleaner.clean(RawPage.ofHtml("https://x.example/", html.toString())));
        assertTrue(e.getMessage().startsWith("no article body found"), e.getMessage());
    }

    @Test
    void rejectsIndexPageOfTeasersWithSummaries() {
        StringBuilder html = new StringBuilder("<html><body><main><h1>World news</h1><div class=\"stream\">");
        for (int i = 0; i < 12; i++) {
            html.append("<div class=\"story\"><h2><a href=\"/s/").append(i).append("\">Ministers meet again as talks on the ")
                    .append(i).append(" accord drag on</a></h2><p>Negotiators from both sides said on Monday that progress "
                    + "had been slow but that they expected to reach a deal before the end of the month.</p></div>");
        }
        html.append("</div></main></body></html>");
        UnusablePageException e = assertThrows(UnusablePageException.class,
                () -> cleaner.clean(RawPage.ofHtml("https://x.example/world", html.toString())));
        assertTrue(e.getMessage().startsWith("no article body found"), e.getMessage());
    }

    @Test
    void keepsAShortPlainTextBrief() {
        String brief = "Shares in Lear Corp rose 4 percent on Monday after the company raised its outlook.";
        CleanArticle a = cleaner.clean(RawPage.ofText("https://x.example/brief", brief));
        assertEquals(brief, a.text());
    }

    @Test
    void rejectsAShortHtmlPageAsAnIndexPage() {
        String html = "<html><body><p>Shares in Lear Corp rose 4 percent on Monday.</p></body></html>";
        UnusablePageException e = assertThrows(UnusablePageException.class,
                () -> cleaner.clean(RawPage.ofHtml("https://x.example/short", html)));
        assertTrue(e.getMessage().startsWith("no article body found"), e.getMessage());
    }

    @Test
    void rejectsEmptyPage() {
        UnusablePageException e = assertThrows(UnusablePageException.class,
                () -> cleaner.clean(RawPage.ofText("https://x.example/empty", "   \n ")));
        assertEquals("page is empty", e.getMessage());
    }

    @Test
    void stopsWhenTimeBudgetIsSpent() {
        ArticleCleaner hurried = new ArticleCleaner(CleaningPolicy.newsDefaults().withTimeBudget(Duration.ofNanos(1)));
        String html = "<html><body><div>" + PARAGRAPH.repeat(2000) + "</div></body></html>";
        UnusablePageException e = assertThrows(UnusablePageException.class,
                () -> hurried.clean(RawPage.ofHtml("https://x.example/slow", html)));
        assertTrue(e.getMessage().contains("time budget"), e.getMessage());
    }

    @Test
    void rejectsInvalidPolicyNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CleaningPolicy.newsDefaults().withMaxPageBytes(0));
        assertTrue(e.getMessage().contains("maxPageBytes"), e.getMessage());
    }

    @Test
    void cleansMultiMegabyteSingleLineOfTextInBoundedTime() {
        StringBuilder line = new StringBuilder();
        while (line.length() < 4_000_000) {
            line.append("Officials (said on Tuesday) that the river / bridge would reopen soon ");
        }
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                CleanArticle a = cleaner.clean(RawPage.ofText("https://x.example/long", line.toString()));
                assertTrue(a.text().length() > 1_000_000);
            } catch (UnusablePageException e) {
                assertTrue(e.getMessage().contains("time budget"), e.getMessage());
            }
        });
    }

    @Test
    void rejectsBinaryBytesSentAsText() {
        String junk = "\u0000\u0001\u0002 binary \u0000 payload".repeat(100);
        UnusablePageException e = assertThrows(UnusablePageException.class,
                () -> cleaner.clean(RawPage.ofText("https://x.example/bin", junk)));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void givesSameResultsFromManyThreads() throws Exception {
        String html = "<html><body><article>" + PARAGRAPH.repeat(8) + "</article></body></html>";
        String expected = cleaner.clean(RawPage.ofHtml("https://x.example/a", html)).text();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> cleaner.clean(RawPage.ofHtml("https://x.example/a", html)).text()));
            }
            for (java.util.concurrent.Future<String> r : results) {
                assertEquals(expected, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

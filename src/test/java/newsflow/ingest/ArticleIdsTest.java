package newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void ignoresCaseOfHostWwwFragmentTrackingAndParameterOrder() {
        assertEquals(ArticleIds.idOf("https://news.example.org/a/b?id=3&page=2"),
            ArticleIds.idOf("HTTPS://www.News.Example.org:443/a/b/?page=2&utm_source=x&id=3#comments"));
    }

    @Test
    void distinguishesDifferentPaths() {
        assertNotEquals(ArticleIds.idOf("https://x.org/a"), ArticleIds.idOf("https://x.org/b"));
    }

    @Test
    void keepsNonUrlNamesAsTheyAre() {
        assertEquals("file:000_seed.txt", ArticleIds.normalise(" file:000_seed.txt "));
    }

    @Test
    void idsAreSixteenHexDigits() {
        assertEquals(16, ArticleIds.idOf("https://x.org/a").length());
    }
}

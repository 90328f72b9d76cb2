package newsflow.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleViewTest {

    private static final ArticleSummary SUMMARY = new ArticleSummary("a1", "T", "https://x/1", null, null, "a1",
        List.of(), List.of(), 1, 1);

    @Test
    void duplicatesArrivingBeforeTheirOriginalAreKeptWhenItArrives() {
        ArticleView v = new ArticleView(null, 0, List.of()).withDuplicate("d1").withDuplicate("d2");
        assertNull(v.article());
        v = v.withArticle(SUMMARY);
        assertEquals(SUMMARY, v.article());
        assertEquals(2, v.duplicates());
        assertEquals(List.of("d1", "d2"), v.duplicateIds());
    }

    @Test
    void aDuplicateSeenTwiceCountsOnceAndOnlyTheLatestIdsAreListed() {
        ArticleView v = new ArticleView(SUMMARY, 0, List.of());
        for (int i = 0; i < ArticleView.MAX_DUPLICATE_IDS + 5; i++) {
            v = v.withDuplicate("d" + i).withDuplicate("d" + i);
        }
        assertEquals(ArticleView.MAX_DUPLICATE_IDS + 5, v.duplicates());
        assertEquals(ArticleView.MAX_DUPLICATE_IDS, v.duplicateIds().size());
        assertEquals("d" + (ArticleView.MAX_DUPLICATE_IDS + 4), v.duplicateIds().get(ArticleView.MAX_DUPLICATE_IDS - 1));
    }
}

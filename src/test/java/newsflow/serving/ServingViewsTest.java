package newsflow.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import newsflow.ingest.ArticleIds;
import newsflow.ingest.RawPage;
import newsflow.pipeline.PipelineConfig;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** The views built from what the production topology writes to its output topics. */
class ServingViewsTest {

    /** A page of its own wording (distinct stories share no sentences, so none is a copy of another). */
    private static RawPage page(int i) {
        String html = newsflow.ingest.SyntheticPages.html(i).replace("</h1>",
            "</h1><p>Officials in Port Aurel said the figures were provisional.</p>");
        return RawPage.ofHtml("https://views.example/" + i, html);
    }

    @Test
    void recentRingKeepsTheNewestArticlesAndCountersCountThemAll() throws Exception {
        int n = ServingViews.RING_SIZE + 5;
        List<String> ids = new ArrayList<>();
        try (ServingFixture f = new ServingFixture(PipelineConfig.defaults())) {
            for (int i = 0; i < n; i++) {
                RawPage p = page(i);
                f.send(p);
                ids.add(ArticleIds.idOf(p.url()));
            }
            assertEquals(n, f.articles.size(), "every page is an article");

            KeyValueStore<String, String> ring = f.views.getKeyValueStore(ServingViews.RECENT_ARTICLES_STORE);
            Set<String> inRing = new HashSet<>();
            try (KeyValueIterator<String, String> it = ring.all()) {
                it.forEachRemaining(kv -> inRing.add(kv.value));
            }
            assertEquals(ServingViews.RING_SIZE, inRing.size());
            assertEquals(new HashSet<>(ids.subList(n - ServingViews.RING_SIZE, n)), inRing, "the newest ones");

            KeyValueStore<String, Long> counts = f.views.getKeyValueStore(ServingViews.OUTCOME_COUNTS_STORE);
            assertEquals(n, counts.get(ServingViews.ARTICLES));
            KeyValueStore<String, Long> in = f.views.getKeyValueStore(ServingViews.IN_COUNT_STORE);
            assertEquals(n, in.get(ServingViews.IN));
            KeyValueStore<String, ArticleView> articles = f.views.getKeyValueStore(ServingViews.ARTICLES_STORE);
            assertEquals("https://views.example/0", articles.get(ids.get(0)).article().url());
        }
    }

    @Test
    void entityIndexScansNewestFirstAndOnlyTheEntity() throws Exception {
        try (ServingFixture f = new ServingFixture(PipelineConfig.defaults())) {
            for (int i = 0; i < 5; i++) {
                RawPage p = page(i);
                f.send(new RawPage(p.url(), p.html(), null, null, null, "2026-03-1" + i + "T08:00:00Z", null, null));
            }
            KeyValueStore<String, IndexedArticle> index = f.views.getKeyValueStore(ServingViews.ENTITY_INDEX_STORE);
            // The entity in the most articles ("Port Aurel", in all five or nearly: the tagger decides).
            java.util.Map<String, Integer> counts = new java.util.HashMap<>();
            try (KeyValueIterator<String, IndexedArticle> it = index.all()) {
                it.forEachRemaining(kv -> counts.merge(kv.value.entityId(), 1, Integer::sum));
            }
            String entity = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
            List<KeyValue<String, IndexedArticle>> entries = new ArrayList<>();
            try (KeyValueIterator<String, IndexedArticle> it = index.prefixScan(ServingViews.indexPrefix(entity),
                org.apache.kafka.common.serialization.Serdes.String().serializer())) {
                it.forEachRemaining(entries::add);
            }
            assertTrue(counts.get(entity) >= 3, "an entity of several articles: " + counts);
            assertEquals(counts.get(entity), entries.size(), "one entry per article of the entity, and only its entries");
            long previous = Long.MAX_VALUE;
            for (KeyValue<String, IndexedArticle> e : entries) {
                assertEquals(entity, e.value.entityId());
                assertTrue(e.value.time() <= previous, "newest first");
                previous = e.value.time();
            }
        }
    }

    @Test
    void aCopyRetractedWhenItsOriginalArrivesLeavesTheArticleViews() throws Exception {
        try (ServingFixture f = new ServingFixture(PipelineConfig.defaults())) {
            String html = newsflow.ingest.SyntheticPages.html(7);
            f.send(new RawPage("https://mirror.example/copy", html, null, null, null, "2026-03-12T10:00:00Z", null, null));
            f.send(new RawPage("https://origin.example/story", html, null, null, null, "2026-03-11T10:00:00Z", null, null));
            KeyValueStore<String, ArticleView> views = f.views.getKeyValueStore(ServingViews.ARTICLES_STORE);
            ArticleView copy = views.get(ArticleIds.idOf("https://mirror.example/copy"));
            ArticleView original = views.get(ArticleIds.idOf("https://origin.example/story"));
            assertTrue(copy == null || copy.article() == null, "the retracted copy is no longer an article: " + copy);
            assertEquals(1, original.duplicates());
            assertEquals(Set.of(), entitiesFiledFor(f, ArticleIds.idOf("https://mirror.example/copy")),
                "nor in the entity index");
            assertEquals(entitiesOf(original.article()), entitiesFiledFor(f, ArticleIds.idOf("https://origin.example/story")));
        }
    }

    @Test
    void articlesAndTheirEntityIndexLeaveTheViewsOnceTheRetentionHasPassed() throws Exception {
        try (ServingFixture f = new ServingFixture(PipelineConfig.defaults())) {
            for (int i = 0; i < 5; i++) {
                f.send(page(i));
            }
            KeyValueStore<String, ArticleView> views = f.views.getKeyValueStore(ServingViews.ARTICLES_STORE);
            KeyValueStore<String, IndexedArticle> index = f.views.getKeyValueStore(ServingViews.ENTITY_INDEX_STORE);
            KeyValueStore<String, Long> counts = f.views.getKeyValueStore(ServingViews.OUTCOME_COUNTS_STORE);
            assertEquals(5, count(views));
            assertTrue(count(index) > 0);

            f.views.advanceWallClockTime(ServingViews.DEFAULT_RETENTION.minusDays(1));
            assertEquals(5, count(views), "kept within the retention");

            f.views.advanceWallClockTime(java.time.Duration.ofDays(2));
            assertEquals(0, count(views), "gone after it");
            assertEquals(0, count(index), "from the entity index too");
            assertEquals(0, count(f.views.<String, String>getKeyValueStore(ServingViews.ARTICLES_EXPIRY_STORE)),
                "and from the expiry index itself");
            assertEquals(5, counts.get(ServingViews.ARTICLES), "counters keep their totals");
        }
    }

    @Test
    void anUpdatedArticleIsFiledOnlyUnderTheEntitiesItsNewVersionNames() throws Exception {
        try (ServingFixture f = new ServingFixture(PipelineConfig.defaults())) {
            String id = ArticleIds.idOf(page(1).url());
            f.send(page(1));
            Set<String> first = entitiesFiledFor(f, id);
            f.send(new RawPage(page(1).url(), page(2).html(), null, null, null, null, null, null));

            ArticleView view = f.views.<String, ArticleView>getKeyValueStore(ServingViews.ARTICLES_STORE).get(id);
            Set<String> second = entitiesOf(view.article());
            assertTrue(!first.equals(second) && !first.isEmpty(), "the two versions name different entities: " + first + " " + second);
            assertEquals(second, entitiesFiledFor(f, id));
        }
    }

    @Test
    void anArticleFiledAgainStaysInTheEntityIndexForTheRetentionAfterThat() throws Exception {
        try (ServingFixture f = new ServingFixture(PipelineConfig.defaults())) {
            java.time.Instant start = java.time.Instant.now();
            String url = page(1).url();
            String id = ArticleIds.idOf(url);
            // Both versions state the same publication time, so they are filed under the same keys.
            String published = "2026-03-10T08:00:00Z";
            f.send(new RawPage(url, page(1).html(), null, null, null, published, null, null), start);
            String updated = page(1).html().replace("</h1>", "</h1><p>The figures were revised on Tuesday, Port Aurel said.</p>");
            f.send(new RawPage(url, updated, null, null, null, published, null, null), start.plus(java.time.Duration.ofDays(20)));
            Set<String> filed = entitiesFiledFor(f, id);
            assertTrue(!filed.isEmpty());

            f.views.advanceWallClockTime(ServingViews.DEFAULT_RETENTION.plusDays(1));
            assertEquals(filed, entitiesFiledFor(f, id), "the first filing's expiry does not take the second one");

            f.views.advanceWallClockTime(java.time.Duration.ofDays(20));
            assertEquals(Set.of(), entitiesFiledFor(f, id), "gone a retention after the last filing");
        }
    }

    private static Set<String> entitiesFiledFor(ServingFixture f, String articleId) {
        Set<String> out = new HashSet<>();
        KeyValueStore<String, IndexedArticle> index = f.views.getKeyValueStore(ServingViews.ENTITY_INDEX_STORE);
        try (KeyValueIterator<String, IndexedArticle> it = index.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.id().equals(articleId)) {
                    assertTrue(out.add(kv.value.entityId()), "one entry per entity: " + kv.key);
                }
            });
        }
        return out;
    }

    private static Set<String> entitiesOf(ArticleSummary a) {
        Set<String> out = new HashSet<>();
        a.entities().forEach(e -> out.add(e.id()));
        return out;
    }

    private static <V> long count(KeyValueStore<String, V> store) {
        long n = 0;
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }
}

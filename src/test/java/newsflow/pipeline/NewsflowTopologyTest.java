package newsflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import newsflow.avro.Article;
import newsflow.avro.Duplicate;
import newsflow.ingest.ArticleIds;
import newsflow.ingest.RawPage;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsflowTopologyTest {

    static final String BODY = "<html><body><nav>Home | World | Sport</nav><article><h1>Harbour bridge opens</h1>"
        + "<p>The mayor of Port Aurel, Elena Marsh, opened the new Harbour Bridge on Saturday after six years of work.</p>"
        + "<p>The crossing links the old town with the Vell Islands and will carry 40,000 vehicles a day, the council said.</p>"
        + "<p>Ferries between the old town and the islands will keep running until the end of the summer.</p>"
        + "</article><footer>Copyright</footer></body></html>";

    static final String OTHER_BODY = "<html><body><article><h1>Council budget</h1>"
        + "<p>Councillors in Port Aurel approved next year's budget on Thursday after a six-hour debate, Elena Marsh said.</p>"
        + "<p>Spending on schools rises by four per cent, while the road repair fund is cut for the second year running.</p>"
        + "<p>Opposition members voted against, saying the harbour authority should pay more towards the new bridge.</p>"
        + "</article></body></html>";

    @TempDir
    Path state;

    @Test
    void aPageBecomesAnArticleKeyedByItsUrlId() {
        try (TopologyFixture f = new TopologyFixture(PipelineConfig.defaults(), state)) {
            f.send(new RawPage("https://x.org/bridge", BODY, null, null, "Courier", "2026-03-14T09:30:00Z", null, "en"));
            TestRecord<String, Article> out = f.articles.readRecord();
            assertEquals(ArticleIds.idOf("https://x.org/bridge"), out.key());
            assertEquals(out.key(), out.value().getId());
            assertEquals(out.key(), out.value().getStoryId());
            assertTrue(out.value().getText().startsWith("The mayor of Port Aurel"));
            assertFalse(out.value().getText().contains("Home | World"));
            assertEquals("2026-03-14T09:30:00Z", out.value().getPublishedAt());
            assertTrue(out.value().getWordCount() > 40);
            assertTrue(f.duplicates.isEmpty());
        }
    }

    @Test
    void theSameBodyFromAnotherUrlIsAnExactDuplicateOfTheFirst() {
        try (TopologyFixture f = new TopologyFixture(PipelineConfig.defaults(), state)) {
            f.send(RawPage.ofHtml("https://x.org/bridge", BODY));
            f.send(RawPage.ofHtml("https://mirror.example/copy", BODY.replace("Copyright", "Other footer")));
            assertEquals(1, f.articles.readRecordsToList().size());
            Duplicate dup = f.duplicates.readValue();
            assertEquals(ArticleIds.idOf("https://mirror.example/copy"), dup.getId());
            assertEquals(ArticleIds.idOf("https://x.org/bridge"), dup.getDuplicateOf());
            assertEquals("EXACT", dup.getKind().name());
            assertEquals(1.0, dup.getSimilarity());
        }
    }

    @Test
    void malformedInputGoesToTheDeadLetterTopicWithItsBytesAndReason() {
        try (TopologyFixture f = new TopologyFixture(PipelineConfig.defaults(), state)) {
            f.sendBytes("{\"url\": \"https://x.org/broken\", \"html\": \"<p>");
            f.send(RawPage.ofHtml("https://x.org/bridge", BODY));
            TestRecord<byte[], byte[]> dl = f.deadLetters.readRecord();
            assertEquals("{\"url\": \"https://x.org/broken\", \"html\": \"<p>", new String(dl.value(), StandardCharsets.UTF_8));
            String reason = new String(dl.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8);
            assertTrue(reason.startsWith("malformed JSON"), reason);
            assertEquals(1, f.articles.readRecordsToList().size(), "the stream carries on after a bad record");
        }
    }

    @Test
    void aPageOverTheConfiguredLimitIsDeadLettered() {
        try (TopologyFixture f = new TopologyFixture(PipelineConfig.defaults().withMaxPageBytes(300), state)) {
            f.send(RawPage.ofHtml("https://x.org/bridge", BODY));
            String reason = new String(f.deadLetters.readRecord().headers()
                .lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8);
            assertTrue(reason.startsWith("page too large"), reason);
            assertTrue(f.articles.isEmpty());
        }
    }

    @Test
    void entityTrendsCountEachArticleOncePerEntityAndHour() {
        try (TopologyFixture f = new TopologyFixture(PipelineConfig.defaults(), state)) {
            f.send(new RawPage("https://x.org/a", BODY, null, null, null, "2026-03-14T09:30:00Z", null, null));
            f.send(new RawPage("https://x.org/b", OTHER_BODY, null, null, null, "2026-03-14T09:45:00Z", null, null));
            var counts = f.trends.readKeyValuesToMap();
            var elena = counts.entrySet().stream().filter(e -> e.getValue().getName().equals("Elena Marsh")).toList();
            assertEquals(1, elena.size());
            assertEquals("2026-03-14T09:00:00Z", elena.get(0).getValue().getHour());
            assertEquals(2, elena.get(0).getValue().getArticles());
        }
    }

    @Test
    void anUpdatedPageReplacesItsArticleAndMovesItsTrendCounts() {
        try (TopologyFixture f = new TopologyFixture(PipelineConfig.defaults(), state)) {
            f.send(new RawPage("https://x.org/a", BODY, null, null, null, "2026-03-14T09:30:00Z", null, null));
            String vellIslands = f.trends.readRecordsToList().stream()
                .filter(r -> r.value().getName().equals("Vell Islands")).findFirst().orElseThrow().key();
            f.send(new RawPage("https://x.org/a", OTHER_BODY, null, null, null, "2026-03-14T09:30:00Z", null, null));

            var articles = f.articles.readKeyValuesToMap();
            assertEquals(1, articles.size(), "one article, under the URL's id");
            assertTrue(articles.get(ArticleIds.idOf("https://x.org/a")).getText().startsWith("Councillors"));
            assertTrue(f.duplicates.isEmpty());
            var changes = f.trends.readRecordsToList();
            assertTrue(changes.stream().anyMatch(r -> r.value() == null && r.key().equals(vellIslands)),
                "the entity only the first version named is taken back (a tombstone): " + changes);
            assertTrue(changes.stream().noneMatch(r -> r.value() != null && r.value().getName().equals("Elena Marsh")),
                "an entity both versions name keeps its count: " + changes);
        }
    }

    @Test
    void anUpdateThatTurnsAnArticleIntoACopyIsOneNewDuplicateAndARevisedTombstone() {
        try (TopologyFixture f = new TopologyFixture(PipelineConfig.defaults(), state)) {
            f.send(new RawPage("https://x.org/a", BODY, null, null, null, "2026-03-14T09:30:00Z", null, null));
            f.send(new RawPage("https://y.org/b", OTHER_BODY, null, null, null, "2026-03-14T10:30:00Z", null, null));
            f.send(new RawPage("https://y.org/b", BODY, null, null, null, "2026-03-14T10:30:00Z", null, null));

            var articles = f.articles.readRecordsToList();
            var duplicates = f.duplicates.readRecordsToList();
            long firstOutcomes = java.util.stream.Stream.concat(articles.stream().map(r -> r.headers()),
                    duplicates.stream().map(r -> r.headers()))
                .filter(h -> "new".equals(new String(h.lastHeader("newsflow.outcome").value(), StandardCharsets.UTF_8)))
                .count();
            assertEquals(3, firstOutcomes, "three raw records, three first outcomes: " + articles + duplicates);
            assertEquals(ArticleIds.idOf("https://x.org/a"), duplicates.get(0).value().getDuplicateOf().toString());
            var last = articles.get(articles.size() - 1);
            assertEquals(ArticleIds.idOf("https://y.org/b"), last.key());
            assertEquals(null, last.value(), "the earlier version leaves news.articles");
        }
    }

    @Test
    void everyInternalResourceIsExplicitlyNamed() {
        var props = new java.util.Properties();
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        var topology = NewsflowTopology.build(PipelineConfig.defaults(), new NewsflowTopology.Stages(
            new newsflow.clean.ArticleCleaner(newsflow.clean.CleaningPolicy.newsDefaults()),
            new newsflow.entities.CapitalisedPhraseTagger()));
        String description = topology.describe().toString();
        for (String name : List.of("dedupe-probes-by-shard", "dedupe-relations-by-article", "dedupe-articles-by-id",
            "dedupe-band-members", "dedupe-shard-fingerprints", "dedupe-article-states", "entity-trend-counts",
            "entity-trend-articles", "entity-trend-counts-expiry", "entity-trend-articles-expiry",
            "entity-trend-changes-by-entity-hour")) {
            assertTrue(description.contains(name), name);
        }
        assertFalse(description.matches("(?s).*KSTREAM-[A-Z]+-\\d{10}.*"), "generated names in:\n" + description);
    }
}

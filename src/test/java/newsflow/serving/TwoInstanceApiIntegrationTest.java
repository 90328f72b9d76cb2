package newsflow.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.serving.ServingHarness.Instance;
import newsflow.serving.ServingHarness.Reply;
import org.apache.kafka.streams.StreamsMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two newsflow instances on a real embedded broker, each with its HTTP server: every API call
 * answers the same from either instance, keyed lookups are routed to the owner, and the
 * figures match what was sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstanceApiIntegrationTest {

    private static final int STORIES = Stories.BODIES.size();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private ServingHarness harness;
    private Instance a;
    private Instance b;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<String> articleIds = new ArrayList<>();

    @BeforeAll
    void startTwoInstancesAndFeedThem() {
        harness = new ServingHarness(4);
        a = harness.startInstance();
        b = harness.startInstance();
        // Both must be RUNNING with the final assignment before anything is asserted.
        for (Instance i : List.of(a, b)) {
            Reply r = harness.await(i, "/api/stats", x -> x.status() == 200 && x.body().path("instances").asInt() == 2, WAIT);
            assertEquals(200, r.status(), "stats from " + i.url("") + ": " + r.body());
        }
        for (int i = 0; i < STORIES; i++) {
            harness.send(Stories.raw(i, "https://courier.example/news/" + i, "Story number " + i,
                now.minus(i + 1, ChronoUnit.HOURS), now.minus(1, ChronoUnit.MINUTES)));
        }
        harness.flush();
        harness.await(a, "/api/stats", r -> r.status() == 200 && r.body().path("articles").asInt() == STORIES, WAIT);
        // An exact copy of story 0 on another site, and two records that cannot be processed.
        // Published half an hour after the original: the earlier one is the original.
        harness.send(Stories.raw(0, "https://mirror.example/copy-of-0", "Story number 0",
            now.minus(30, ChronoUnit.MINUTES), null));
        harness.send("{\"url\": \"https://courier.example/broken\", \"html\": \"<p>".getBytes(StandardCharsets.UTF_8));
        harness.send("{\"url\": \"https://courier.example/empty\"}".getBytes(StandardCharsets.UTF_8));
        harness.flush();
        Reply settled = harness.await(a, "/api/stats", r -> r.status() == 200
            && r.body().path("in").asInt() == STORIES + 3 && r.body().path("pending").asInt() == 0
            && r.body().path("lag").asInt() == 0, WAIT);
        assertEquals(STORIES + 3, settled.body().path("in").asInt(), "stats: " + settled.body());
        for (JsonNode v : harness.get(a, "/api/articles?limit=100").body().path("articles")) {
            articleIds.add(v.path("article").path("id").asText());
        }
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void everyApiCallAnswersTheSameFromEitherInstance() {
        List<String> paths = new ArrayList<>(List.of(
            "/api/stats",
            "/api/articles?limit=100",
            "/api/articles?limit=3",
            "/api/duplicates/recent?limit=10",
            "/api/entities/trending?hours=24&limit=5&at=" + now,
            "/api/entities/trending?hours=168&limit=100&at=" + now,
            "/api/entities/trending?hours=2&limit=10&at=" + now,
            "/api/articles/does-not-exist",
            "/api/articles?entity=nobody&limit=5",
            "/api/articles?limit=0"));
        for (String id : articleIds) {
            paths.add("/api/articles/" + id);
        }
        for (String entity : entityIds()) {
            paths.add("/api/articles?entity=" + URLEncoder.encode(entity, StandardCharsets.UTF_8) + "&limit=20");
        }
        assertTrue(paths.size() > 20, "enough calls to compare: " + paths.size());
        Set<String> answeredBy = new HashSet<>();
        for (String path : paths) {
            Reply fromA = harness.get(a, path);
            Reply fromB = harness.get(b, path);
            assertEquals(fromA.status(), fromB.status(), path);
            assertEquals(fromA.body(), fromB.body(), path);
            answeredBy.add(fromA.instance());
            answeredBy.add(fromB.instance());
        }
        assertEquals(2, answeredBy.size(), "both instances answered: " + answeredBy);
    }

    @Test
    void keyedLookupsAreRoutedToTheInstanceThatOwnsTheKey() {
        for (String store : List.of(ServingViews.ARTICLES_STORE, ServingViews.ENTITY_INDEX_STORE)) {
            long hosts = a.views().streams().streamsMetadataForStore(store).stream()
                .filter(m -> !m.topicPartitions().isEmpty()).map(StreamsMetadata::hostInfo).distinct().count();
            assertEquals(2, hosts, store + " is spread over both instances");
        }
        int localOnA = 0;
        int localOnB = 0;
        for (String id : articleIds) {
            boolean onA = harness.get(a, "/api/internal/articles/" + id).status() == 200;
            boolean onB = harness.get(b, "/api/internal/articles/" + id).status() == 200;
            assertTrue(onA ^ onB, "article " + id + " lives on exactly one instance");
            localOnA += onA ? 1 : 0;
            localOnB += onB ? 1 : 0;
            assertEquals(200, harness.get(a, "/api/articles/" + id).status());
            assertEquals(200, harness.get(b, "/api/articles/" + id).status());
        }
        assertTrue(localOnA > 0 && localOnB > 0, "articles on A: " + localOnA + ", on B: " + localOnB);
    }

    @Test
    void statsCountEveryOutcomeOverBothInstances() {
        JsonNode s = harness.get(b, "/api/stats").body();
        assertEquals(STORIES + 3, s.path("in").asInt());
        assertEquals(STORIES, s.path("articles").asInt());
        assertEquals(1, s.path("duplicates").asInt());
        assertEquals(1, s.path("duplicatesByKind").path("EXACT").asInt());
        assertEquals(2, s.path("deadLetters").asInt());
        assertEquals(1, s.path("deadLettersByReason").path("malformed json").asInt(), s.toString());
        assertEquals(1, s.path("deadLettersByReason").path("missing body").asInt(), s.toString());
        assertEquals(0, s.path("lag").asInt());
    }

    @Test
    void duplicatesAreListedAndCountedOnTheirOriginal() {
        JsonNode dups = harness.get(a, "/api/duplicates/recent?limit=10").body().path("duplicates");
        assertEquals(1, dups.size(), dups.toString());
        JsonNode d = dups.get(0);
        assertEquals("https://mirror.example/copy-of-0", d.path("url").asText());
        assertEquals("EXACT", d.path("kind").asText());
        JsonNode original = harness.get(b, "/api/articles/" + d.path("duplicateOf").asText()).body();
        assertEquals("https://courier.example/news/0", original.path("article").path("url").asText());
        assertEquals(1, original.path("duplicates").asInt());
        assertEquals(d.path("id").asText(), original.path("duplicateIds").get(0).asText());
    }

    @Test
    void entityArticlesComeNewestFirstAndMatchTheArticles() {
        Map<String, Set<String>> articlesByEntity = articlesByEntity();
        String busiest = articlesByEntity.entrySet().stream()
            .max((x, y) -> Integer.compare(x.getValue().size(), y.getValue().size())).orElseThrow().getKey();
        assertTrue(articlesByEntity.get(busiest).size() >= 3, "an entity in several stories: " + articlesByEntity);
        JsonNode list = harness.get(a, "/api/articles?entity=" + URLEncoder.encode(busiest, StandardCharsets.UTF_8)
            + "&limit=100").body().path("articles");
        Set<String> ids = new LinkedHashSet<>();
        long previous = Long.MAX_VALUE;
        for (JsonNode e : list) {
            ids.add(e.path("id").asText());
            assertTrue(e.path("time").asLong() <= previous, "newest first: " + list);
            previous = e.path("time").asLong();
        }
        assertEquals(articlesByEntity.get(busiest), ids);
        JsonNode two = harness.get(b, "/api/articles?entity=" + URLEncoder.encode(busiest, StandardCharsets.UTF_8)
            + "&limit=2").body().path("articles");
        assertEquals(2, two.size());
        assertEquals(list.get(0), two.get(0));
    }

    @Test
    void trendingRanksEntitiesByUniqueArticlesInTheWindow() {
        Map<String, Set<String>> articlesByEntity = articlesByEntity();
        JsonNode top = harness.get(a, "/api/entities/trending?hours=24&limit=100&at=" + now).body().path("entities");
        assertFalse(top.isEmpty());
        long previous = Long.MAX_VALUE;
        for (JsonNode e : top) {
            assertEquals(articlesByEntity.get(e.path("id").asText()).size(), e.path("articles").asInt(), e.toString());
            assertTrue(e.path("articles").asLong() <= previous);
            previous = e.path("articles").asLong();
        }
        assertEquals(articlesByEntity.size(), top.size(), "every entity of the last 24 hours is ranked");
        // Stories are published 1..6 hours ago: a 2-hour window holds only stories 0 and 1.
        JsonNode recent = harness.get(b, "/api/entities/trending?hours=2&limit=100&at=" + now).body().path("entities");
        long inWindow = recent.findValuesAsText("articles").stream().mapToLong(Long::parseLong).max().orElse(0);
        assertTrue(inWindow >= 1 && inWindow <= 2, recent.toString());
    }

    @Test
    void badParametersGet400AndUnknownIds404() {
        for (String path : List.of("/api/articles?limit=abc", "/api/articles?limit=0", "/api/articles?limit=101",
            "/api/entities/trending?hours=0", "/api/entities/trending?hours=10000", "/api/entities/trending?at=yesterday",
            "/api/articles?entity=&limit=5", "/api/duplicates/recent?limit=-1")) {
            Reply r = harness.get(b, path);
            assertEquals(400, r.status(), path);
            assertFalse(r.body().path("error").asText().isBlank(), path);
        }
        Reply unknown = harness.get(a, "/api/articles/0000000000000000");
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().path("error").asText().contains("0000000000000000"));
        assertEquals(404, harness.get(a, "/api/nothing-here").status());
    }

    @Test
    void metricsExposeKafkaStreamsAndPipelineMeters() {
        String metrics = fetchText(a, "/metrics") + fetchText(b, "/metrics");
        for (String meter : List.of("kafka_stream_thread_process_total", "kafka_stream_alive_stream_threads",
            "newsflow_stage_records_total{application=\"newsflow\",stage=\"clean\"}",
            "newsflow_stage_latency_seconds_count", "newsflow_end_to_end_latency_seconds_count{application=\"newsflow\",from=\"fetched\"}",
            "newsflow_duplicates_total{application=\"newsflow\",kind=\"EXACT\"}",
            "newsflow_deadletters_total{application=\"newsflow\",reason=\"malformed json\"}")) {
            assertTrue(metrics.contains(meter), meter + " in /metrics");
        }
    }

    @Test
    void outputRecordsCarryNoTimingHeaders() {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", harness.broker.bootstrapServers());
        p.put("group.id", "headers-" + java.util.UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        int records = 0;
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(p,
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var topics = harness.config.topics();
            consumer.subscribe(List.of(topics.articles(), topics.duplicates(), topics.entityTrends(), topics.deadLetters()));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records < STORIES + 3 && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    boolean outcomeTopic = r.topic().equals(topics.articles()) || r.topic().equals(topics.duplicates());
                    for (var h : r.headers()) {
                        // The one header newsflow means to publish: first outcome or revision.
                        boolean outcomeHeader = outcomeTopic && h.key().equals("newsflow.outcome");
                        assertFalse(h.key().startsWith("newsflow.") && !outcomeHeader, r.topic() + " has header " + h.key());
                    }
                }
            }
        }
        assertTrue(records >= STORIES + 3, "read " + records + " output records");
    }

    /** Runs last: it stops instance B. */
    @Test
    @Order(Integer.MAX_VALUE)
    void afterAnInstanceStopsTheOtherAnswersEverythingFromRestoredState() {
        List<String> paths = new ArrayList<>(List.of("/api/articles?limit=100", "/api/duplicates/recent?limit=10",
            "/api/entities/trending?hours=168&limit=100&at=" + now));
        articleIds.forEach(id -> paths.add("/api/articles/" + id));
        entityIds().forEach(e -> paths.add("/api/articles?entity=" + URLEncoder.encode(e, StandardCharsets.UTF_8) + "&limit=20"));
        Map<String, JsonNode> before = new HashMap<>();
        paths.forEach(p -> before.put(p, harness.get(a, p).body()));
        JsonNode statsBefore = harness.get(a, "/api/stats").body();

        harness.instances.remove(b);
        b.serving().close();
        b.views().close();
        b.pipeline().close();
        Reply alone = harness.await(a, "/api/stats", r -> r.status() == 200 && r.body().path("instances").asInt() == 1
            && r.body().path("in").asInt() == STORIES + 3, WAIT);
        assertEquals(200, alone.status(), String.valueOf(alone.body()));
        for (String field : List.of("in", "articles", "duplicates", "deadLetters", "duplicatesByKind", "deadLettersByReason")) {
            assertEquals(statsBefore.get(field), alone.body().get(field), field);
        }
        for (String p : paths) {
            assertEquals(before.get(p), harness.get(a, p).body(), p);
        }
    }

    private String fetchText(Instance i, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(i.url(path))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Entity id to the ids of the articles that mention it, from the article views. */
    private Map<String, Set<String>> articlesByEntity() {
        Map<String, Set<String>> out = new HashMap<>();
        for (String id : articleIds) {
            JsonNode article = harness.get(a, "/api/articles/" + id).body().path("article");
            for (JsonNode e : article.path("entities")) {
                out.computeIfAbsent(e.path("id").asText(), k -> new HashSet<>()).add(id);
            }
        }
        return out;
    }

    private Set<String> entityIds() {
        return articlesByEntity().keySet();
    }
}

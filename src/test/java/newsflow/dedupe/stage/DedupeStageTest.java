package newsflow.dedupe.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import newsflow.core.CleanArticle;
import newsflow.core.DedupeVerdict;
import newsflow.core.DuplicateKind;
import newsflow.core.serde.JsonSerde;
import newsflow.dedupe.DedupeTuning;
import newsflow.ingest.ArticleIds;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/** The dedupe stage alone, under the topology test driver. */
class DedupeStageTest {

    static final String BODY = "Reporters in Port Aurel counted eleven new ferries on the harbour this week, officials said.\n\n"
        + "The council expects passenger numbers to rise by a fifth once the new timetable starts in the spring.\n\n"
        + "Residents of the Vell Islands welcomed the change but asked for later evening departures on weekdays.";

    static final String OTHER = "The national weather office warned of heavy snow in the northern mountains from Thursday.\n\n"
        + "Drivers were told to carry chains and to avoid the high passes unless their journey was essential.\n\n"
        + "Schools in three valleys said they would decide on Friday morning whether to open.";

    private static TopologyTestDriver driver(Duration horizon) {
        return driver(DedupeConfig.of(horizon, 3));
    }

    private static TopologyTestDriver driver(DedupeConfig config) {
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, CleanArticle> in = b.stream("in", Consumed.with(Serdes.String(), JsonSerde.of(CleanArticle.class)));
        DedupeStage.build(b, in, config, 3)
            .to("out", Produced.with(Serdes.String(), JsonSerde.of(DedupeVerdict.class)));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedupe-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        return new TopologyTestDriver(b.build(), p);
    }

    private static CleanArticle article(String url, String published, String text) {
        return new CleanArticle(url, "Title", null, published, null, "en", text);
    }

    private static List<DedupeVerdict> run(Duration horizon, CleanArticle... articles) {
        return run(DedupeConfig.of(horizon, 3), articles);
    }

    private static List<DedupeVerdict> run(DedupeConfig config, CleanArticle... articles) {
        try (TopologyTestDriver d = driver(config)) {
            TestInputTopic<String, CleanArticle> in = d.createInputTopic("in", Serdes.String().serializer(),
                JsonSerde.of(CleanArticle.class).serializer());
            TestOutputTopic<String, DedupeVerdict> out = d.createOutputTopic("out", Serdes.String().deserializer(),
                JsonSerde.of(DedupeVerdict.class).deserializer());
            for (CleanArticle a : articles) {
                in.pipeInput(ArticleIds.idOf(a.url()), a, Instant.parse("2026-01-01T00:00:00Z"));
            }
            return out.readValuesToList();
        }
    }

    @Test
    void aHotKeyStillLeadsLaterCopiesToItsFirstMembers() {
        DedupeTuning d = DedupeTuning.defaults();
        DedupeTuning capTwo = new DedupeTuning(d.shingleSize(), d.bands(), d.rows(), d.wordBands(), d.wordRows(),
            d.sentenceKeys(), d.anchorKeys(), d.minSentenceTokens(), d.minTokens(), d.maxTokens(), d.nearJaccard(),
            d.nearContainment(), d.partialContainment(), d.partialCoverage(), d.rewriteScore(),
            d.minAlignedSentences(), d.sentenceDice(), d.horizon(), 2);
        List<DedupeVerdict> verdicts = run(new DedupeConfig(capTwo, 3),
            article("https://a.org/1", "2026-01-01T00:00:00Z", BODY), article("https://a.org/2", "2026-01-01T01:00:00Z", BODY),
            article("https://a.org/3", "2026-01-01T02:00:00Z", BODY), article("https://a.org/4", "2026-01-01T03:00:00Z", BODY));
        String first = ArticleIds.idOf("https://a.org/1");
        for (DedupeVerdict v : verdicts.subList(1, 4)) {
            assertEquals(first, v.duplicateOf(), "every key is hot after two articles, yet each later copy meets the first");
        }
    }

    @Test
    void bandListsMissingAfterAnUpgradeAreRebuiltFromTheExpiryIndex() {
        try (TopologyTestDriver d = driver(Duration.ofDays(7))) {
            TestInputTopic<String, CleanArticle> in = d.createInputTopic("in", Serdes.String().serializer(),
                JsonSerde.of(CleanArticle.class).serializer());
            TestOutputTopic<String, DedupeVerdict> out = d.createOutputTopic("out", Serdes.String().deserializer(),
                JsonSerde.of(DedupeVerdict.class).deserializer());
            CleanArticle original = article("https://a.org/original", "2026-01-01T00:00:00Z", BODY);
            in.pipeInput(ArticleIds.idOf(original.url()), original, Instant.parse("2026-01-01T00:00:00Z"));
            d.advanceWallClockTime(Duration.ofSeconds(2));
            var bands = d.<Object, Object>getKeyValueStore(DedupeStage.BANDS_STORE);
            List<Object> keys = new java.util.ArrayList<>();
            try (var it = bands.all()) {
                it.forEachRemaining(kv -> keys.add(kv.key));
            }
            assertTrue(keys.size() > 1, "the original's keys and the layout mark");
            keys.forEach(bands::delete); // the empty band table of a shard upgraded from dedupe-bands

            d.advanceWallClockTime(Duration.ofMinutes(6)); // the expiry punctuation sees the mark missing
            d.advanceWallClockTime(Duration.ofSeconds(2)); // one rebuild step replays the expiry index
            CleanArticle copy = article("https://a.org/copy", "2026-01-01T02:00:00Z", BODY);
            in.pipeInput(ArticleIds.idOf(copy.url()), copy, Instant.parse("2026-01-01T02:00:00Z"));
            List<DedupeVerdict> verdicts = out.readValuesToList();
            assertEquals(ArticleIds.idOf(original.url()), verdicts.get(verdicts.size() - 1).duplicateOf());
        }
    }

    @Test
    void emitsOneVerdictPerArticleKeyedByItsId() {
        List<DedupeVerdict> verdicts = run(Duration.ofDays(7),
            article("https://a.org/1", "2026-01-01", BODY), article("https://a.org/2", "2026-01-01", OTHER));
        assertEquals(2, verdicts.size());
        assertTrue(verdicts.stream().noneMatch(DedupeVerdict::isDuplicate));
        assertEquals(ArticleIds.idOf("https://a.org/1"), verdicts.get(0).id());
        assertEquals(verdicts.get(0).id(), verdicts.get(0).storyId());
    }

    @Test
    void aCopyDifferingOnlyInCasePunctuationAndSpacingIsAnExactDuplicate() {
        List<DedupeVerdict> verdicts = run(Duration.ofDays(7),
            article("https://a.org/1", "2026-01-01", BODY),
            article("https://b.org/copy", "2026-01-02", BODY.toUpperCase(java.util.Locale.ROOT).replace(".", " !")));
        DedupeVerdict copy = verdicts.get(1);
        assertTrue(copy.isDuplicate());
        assertEquals(DuplicateKind.EXACT, copy.kind());
        assertEquals(ArticleIds.idOf("https://a.org/1"), copy.duplicateOf());
    }

    @Test
    void anOriginalArrivingAfterItsCopyRetractsTheCopy() {
        List<DedupeVerdict> verdicts = run(Duration.ofDays(7),
            article("https://b.org/copy", "2026-01-02", BODY), article("https://a.org/original", "2026-01-01", BODY));
        String copy = ArticleIds.idOf("https://b.org/copy");
        assertEquals(3, verdicts.size(), "copy kept, original kept, and the copy revised: " + verdicts);
        assertFalse(verdicts.get(0).isDuplicate(), "the copy is kept while it is the only one");
        assertTrue(verdicts.stream().filter(v -> !v.id().equals(copy)).noneMatch(DedupeVerdict::isDuplicate));
        DedupeVerdict revised = verdicts.stream().filter(v -> v.id().equals(copy) && v.isDuplicate()).findFirst().orElseThrow();
        assertEquals(ArticleIds.idOf("https://a.org/original"), revised.duplicateOf());
        assertTrue(revised.retractsArticle());
    }

    @Test
    void aTruncatedCopyIsANearDuplicate() {
        String longer = BODY + "\n\nThe ferry operator said it would add two more boats in the summer if demand held up.";
        List<DedupeVerdict> verdicts = run(Duration.ofDays(7),
            article("https://a.org/1", "2026-01-01", longer), article("https://b.org/cut", "2026-01-01T05:00:00Z", BODY));
        assertTrue(verdicts.get(1).isDuplicate(), verdicts.toString());
        assertEquals(DuplicateKind.NEAR, verdicts.get(1).kind());
    }

    @Test
    void theSamePageFetchedAgainIsAnExactDuplicateOfItself() {
        List<DedupeVerdict> verdicts = run(Duration.ofDays(7),
            article("https://a.org/1", "2026-01-01", BODY), article("https://a.org/1", "2026-01-01", BODY));
        assertEquals(2, verdicts.size());
        assertEquals(verdicts.get(1).id(), verdicts.get(1).duplicateOf());
    }

    @Test
    void aPageUpdatedUnderItsUrlIsKeptUnderTheSameIdWithItsNewText() {
        List<DedupeVerdict> verdicts = run(Duration.ofDays(7),
            article("https://a.org/1", "2026-01-01", BODY), article("https://a.org/1", "2026-01-01", OTHER));
        assertEquals(2, verdicts.size(), verdicts.toString());
        assertFalse(verdicts.get(1).isDuplicate());
        assertEquals(verdicts.get(0).id(), verdicts.get(1).id());
        assertEquals(OTHER, verdicts.get(1).article().text());
    }

    @Test
    void anUpdateIsDedupedAfreshOnItsNewText() {
        // The page at /2 first carries its own story, then is updated to a copy of /1's.
        List<DedupeVerdict> verdicts = run(Duration.ofDays(7),
            article("https://a.org/1", "2026-01-01", BODY), article("https://a.org/2", "2026-01-02", OTHER),
            article("https://a.org/2", "2026-01-02", BODY));
        assertEquals(3, verdicts.size(), verdicts.toString());
        DedupeVerdict update = verdicts.get(2);
        assertEquals(ArticleIds.idOf("https://a.org/1"), update.duplicateOf(), update.toString());
        assertTrue(update.retractsArticle(), "the version kept before is taken back");
    }

    @Test
    void anOriginalUpdatedToNewTextNoLongerCarriesItsOldRelations() {
        String rewrite = BODY.replace("eleven", "twelve").replace("spring", "autumn");
        List<DedupeVerdict> verdicts = run(Duration.ofDays(7),
            article("https://a.org/1", "2026-01-01", BODY), article("https://a.org/2", "2026-01-02", rewrite),
            article("https://a.org/2", "2026-01-02", OTHER));
        DedupeVerdict update = verdicts.get(verdicts.size() - 1);
        assertEquals(OTHER, update.article().text());
        assertFalse(update.isDuplicate(), update.toString());
        assertEquals(update.id(), update.storyId(), "a story of its own once the shared text is gone");
    }

    @Test
    void aCopyPublishedBeyondTheHorizonIsKept() {
        List<DedupeVerdict> verdicts = run(Duration.ofDays(7),
            article("https://a.org/1", "2026-01-01", BODY), article("https://b.org/copy", "2026-02-01", BODY));
        assertFalse(verdicts.get(1).isDuplicate());
    }

    @Test
    void everyStoreForgetsAnArticleOnceItLeftTheHorizonInIngestionTime() {
        try (TopologyTestDriver d = driver(Duration.ofDays(1))) {
            TestInputTopic<String, CleanArticle> in = d.createInputTopic("in", Serdes.String().serializer(),
                JsonSerde.of(CleanArticle.class).serializer());
            CleanArticle old = article("https://a.org/old", null, BODY);
            CleanArticle recent = article("https://a.org/recent", null, OTHER);
            in.pipeInput(ArticleIds.idOf(old.url()), old, Instant.parse("2026-01-01T00:00:00Z"));
            d.advanceWallClockTime(Duration.ofMinutes(6)); // the start-up scan: nothing has expired yet
            in.pipeInput(ArticleIds.idOf(recent.url()), recent, Instant.parse("2026-01-03T00:00:00Z"));
            d.advanceWallClockTime(Duration.ofMinutes(6)); // expiry by range over the expiry indexes

            String oldId = ArticleIds.idOf(old.url());
            String recentId = ArticleIds.idOf(recent.url());
            for (String store : List.of(DedupeStage.BANDS_STORE, DedupeStage.SHARD_FINGERPRINTS_STORE,
                    DedupeStage.ARTICLE_STATES_STORE, DedupeStage.SHARD_EXPIRY_STORE, DedupeStage.ARTICLE_STATES_EXPIRY_STORE)) {
                List<String> keys = new java.util.ArrayList<>();
                try (var it = d.<Object, Object>getKeyValueStore(store).all()) {
                    it.forEachRemaining(kv -> keys.add(kv.key + "=" + kv.value));
                }
                assertTrue(keys.stream().noneMatch(k -> k.contains(oldId)), store + " forgot the old article: " + keys);
                assertTrue(keys.stream().anyMatch(k -> k.contains(recentId)), store + " keeps the recent one");
            }
        }
    }
}

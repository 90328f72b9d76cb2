package newsflow.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import newsflow.core.CleanArticle;
import newsflow.core.DedupeVerdict;
import newsflow.core.DuplicateKind;
import newsflow.core.EntityType;
import newsflow.core.Mention;
import newsflow.core.TaggedArticle;
import newsflow.core.TaggedEntity;
import newsflow.core.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trend counts follow what each article version mentions, and the stores forget what is old. */
class EntityTrendsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String HOUR = "2026-03-02T10:00:00Z";
    private static final Duration RETENTION = Duration.ofDays(2);

    private TopologyTestDriver driver;
    private TestInputTopic<String, TaggedArticle> in;
    private TestOutputTopic<String, EntityTrends.Count> out;
    private final Map<String, Long> latest = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        EntityTrends.build(builder, builder.stream("tagged",
                Consumed.with(Serdes.String(), JsonSerde.of(TaggedArticle.class))), RETENTION)
            .to("trends", Produced.with(Serdes.String(), JsonSerde.of(EntityTrends.Count.class)));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trends-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        driver = new TopologyTestDriver(builder.build(), props, T0);
        in = driver.createInputTopic("tagged", Serdes.String().serializer(), JsonSerde.of(TaggedArticle.class).serializer(),
            T0, Duration.ofMinutes(1));
        out = driver.createOutputTopic("trends", Serdes.String().deserializer(), JsonSerde.of(EntityTrends.Count.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void eachArticleCountsOnceForEveryEntityItMentions() {
        in.pipeInput("a1", kept("a1", "Ana Liu", "Kestrel Group"));
        in.pipeInput("a2", kept("a2", "Ana Liu"));

        Map<String, Long> counts = readCounts();
        assertEquals(2L, counts.get("per:ana-liu@" + HOUR));
        assertEquals(1L, counts.get("org:kestrel-group@" + HOUR));
    }

    @Test
    void anArticleSentAgainUnchangedChangesNoCount() {
        in.pipeInput("a1", kept("a1", "Ana Liu"));
        in.pipeInput("a1", kept("a1", "Ana Liu"));

        assertEquals(1, out.readKeyValuesToList().size(), "one change only");
    }

    @Test
    void anUpdatedArticleMovesItsCountFromWhatItLostToWhatItGained() {
        in.pipeInput("a1", kept("a1", "Ana Liu", "Kestrel Group"));
        in.pipeInput("a2", kept("a2", "Ana Liu"));
        in.pipeInput("a1", kept("a1", "Omar Haddad", "Kestrel Group"));

        Map<String, Long> counts = readCounts();
        assertEquals(1L, counts.get("per:ana-liu@" + HOUR));
        assertEquals(1L, counts.get("per:omar-haddad@" + HOUR));
        assertEquals(1L, counts.get("org:kestrel-group@" + HOUR));
    }

    @Test
    void aRetractedArticleTakesBackWhatItCountedWithoutItsEntities() {
        in.pipeInput("a1", kept("a1", "Ana Liu"));
        in.pipeInput("a2", kept("a2", "Ana Liu", "Kestrel Group"));
        in.pipeInput("a2", retracted("a2"));

        List<KeyValue<String, EntityTrends.Count>> changes = out.readKeyValuesToList();
        Map<String, Long> counts = countsOf(changes);
        assertEquals(1L, counts.get("per:ana-liu@" + HOUR));
        assertNull(counts.get("org:kestrel-group@" + HOUR));
        assertEquals(List.of("org:kestrel-group@" + HOUR),
            changes.stream().filter(kv -> kv.value == null).map(kv -> kv.key).toList(), "a count at zero is a tombstone");
    }

    @Test
    void storesForgetEntriesUnchangedForTheRetention() {
        in.pipeInput("a1", kept("a1", "Ana Liu", "Kestrel Group"));
        in.pipeInput("a2", kept("a2", "Omar Haddad"), T0.plus(Duration.ofDays(3)));
        driver.advanceWallClockTime(Duration.ofMinutes(6));

        assertEquals(List.of("a2"), keys(EntityTrends.ARTICLES_STORE));
        // Retention runs on ingestion time, whatever hour of publication a count is for.
        assertEquals(List.of("per:omar-haddad@" + HOUR), keys(EntityTrends.COUNTS_STORE));
        assertEquals(1, keys(EntityTrends.ARTICLES_EXPIRY_STORE).size());
        assertEquals(1, keys(EntityTrends.COUNTS_EXPIRY_STORE).size());
    }

    @Test
    void anArticleSeenAgainWithinTheRetentionStays() {
        in.pipeInput("a1", kept("a1", "Ana Liu"));
        in.pipeInput("a1", kept("a1", "Ana Liu"), T0.plus(Duration.ofDays(2)));
        in.pipeInput("a2", kept("a2", "Omar Haddad"), T0.plus(Duration.ofDays(3)));
        driver.advanceWallClockTime(Duration.ofMinutes(6));

        assertEquals(List.of("a1", "a2"), keys(EntityTrends.ARTICLES_STORE));
    }

    @Test
    void theExpiryIndexesHoldOneEntryPerStoredEntry() {
        for (int i = 0; i < 5; i++) {
            in.pipeInput("a1", kept("a1", i % 2 == 0 ? "Ana Liu" : "Omar Haddad"), T0.plus(Duration.ofMinutes(i)));
        }
        assertEquals(keys(EntityTrends.ARTICLES_STORE).size(), keys(EntityTrends.ARTICLES_EXPIRY_STORE).size());
        assertEquals(keys(EntityTrends.COUNTS_STORE).size(), keys(EntityTrends.COUNTS_EXPIRY_STORE).size());
    }

    private Map<String, Long> readCounts() {
        return countsOf(out.readKeyValuesToList());
    }

    private static Map<String, Long> countsOf(List<KeyValue<String, EntityTrends.Count>> changes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (KeyValue<String, EntityTrends.Count> kv : changes) {
            if (kv.value == null) {
                counts.remove(kv.key);
            } else {
                counts.put(kv.key, kv.value.articles());
            }
        }
        return counts;
    }

    private List<String> keys(String store) {
        KeyValueStore<String, Object> s = driver.getKeyValueStore(store);
        List<String> keys = new java.util.ArrayList<>();
        try (KeyValueIterator<String, Object> it = s.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    private static TaggedArticle kept(String id, String... names) {
        CleanArticle a = new CleanArticle("https://trends.example/" + id, "Title", null, HOUR, "trends.example", "en",
            String.join(" and ", names) + " met.");
        List<TaggedEntity> entities = Arrays.stream(names).map(EntityTrendsTest::entity).toList();
        return new TaggedArticle(DedupeVerdict.unique(id, a), entities);
    }

    private static TaggedArticle retracted(String id) {
        CleanArticle a = new CleanArticle("https://trends.example/" + id, "Title", null, HOUR, "trends.example", "en", "text");
        DedupeVerdict d = DedupeVerdict.duplicate(id, a, "a1", DuplicateKind.EXACT, 1.0);
        return new TaggedArticle(new DedupeVerdict(d.id(), a, d.storyId(), List.of(), d.duplicateOf(), d.kind(), 1.0, true),
            List.of());
    }

    private static TaggedEntity entity(String name) {
        boolean org = name.endsWith("Group");
        String id = (org ? "org:" : "per:") + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return new TaggedEntity(id, name, org ? EntityType.ORGANIZATION : EntityType.PERSON, 1.0,
            List.of(new Mention(name, 0, name.length())));
    }
}

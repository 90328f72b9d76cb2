package newsflow.serving;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import newsflow.avro.Article;
import newsflow.avro.Duplicate;
import newsflow.core.Topics;
import newsflow.core.serde.JsonSerde;
import newsflow.core.state.ExpiryIndex;
import newsflow.ops.DeadLetterReasons;
import newsflow.output.AvroSerde;
import newsflow.output.EntityTrends;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The materialized views behind the query API, in a topology of their own that reads only
 * newsflow's topics (as the Confluent interactive-queries examples do): processing and serving
 * scale and fail apart. Every store is a named, changelogged key-value store, so a restarted
 * or added instance rebuilds it from Kafka like the rest of newsflow's state. The views see
 * an output once its transaction commits (about one commit interval after processing).
 *
 * <table>
 *   <caption>Stores</caption>
 *   <tr><th>store</th><th>partitioned by</th><th>key</th><th>value</th></tr>
 *   <tr><td>{@value #ARTICLES_STORE}</td><td>article id (repartition {@value #ARTICLES_BY_ID})</td>
 *       <td>article id</td><td>{@link ArticleView}: summary and duplicates count</td></tr>
 *   <tr><td>{@value #RECENT_ARTICLES_STORE}</td><td>article id</td><td>ring slot {@code 000..099}</td>
 *       <td>article id: the latest new articles of the task</td></tr>
 *   <tr><td>{@value #RECENT_DUPLICATES_STORE}</td><td>id of the original</td><td>ring slot</td>
 *       <td>{@link DuplicateSummary}: the latest duplicates of the task</td></tr>
 *   <tr><td>{@value #OUTCOME_COUNTS_STORE}</td><td>article id</td><td>counter name</td>
 *       <td>per-task count of articles, duplicates, duplicates by kind</td></tr>
 *   <tr><td>{@value #ENTITY_INDEX_STORE}</td><td>entity id (repartition {@value #ARTICLES_BY_ENTITY})</td>
 *       <td>{@code entityId|invertedEventTime|articleId}</td><td>{@link IndexedArticle}; a prefix
 *       scan on {@code entityId|} lists an entity's articles newest first</td></tr>
 *   <tr><td>{@value #ENTITY_HOURS_STORE}</td><td>entity id (repartition {@value #TRENDS_BY_ENTITY})</td>
 *       <td>{@code hour|entityId}</td><td>the entity-trends count of that hour, kept
 *       {@value #ENTITY_HOURS_RETENTION_HOURS} hours</td></tr>
 *   <tr><td>{@value #IN_COUNT_STORE}</td><td>raw partition</td><td>{@code in}</td><td>per-task count of raw records</td></tr>
 *   <tr><td>{@value #DEADLETTER_COUNTS_STORE}</td><td>dead-letter partition</td><td>reason category</td>
 *       <td>per-task count of dead letters</td></tr>
 * </table>
 *
 * <p>Key-partitioned stores answer a key from the one instance that owns it; per-task stores
 * (rings, counters) and the trend hours are gathered from every instance and merged. Entity
 * hours are partitioned by entity, so an entity's whole window lives on one instance and
 * each instance's local top N is exact for the entities it holds.
 */
public final class ServingViews {

    public static final String ARTICLES_STORE = "serving-articles";
    public static final String RECENT_ARTICLES_STORE = "serving-recent-articles";
    public static final String RECENT_DUPLICATES_STORE = "serving-recent-duplicates";
    public static final String OUTCOME_COUNTS_STORE = "serving-outcome-counts";
    public static final String ENTITY_INDEX_STORE = "serving-entity-index";
    public static final String ENTITY_HOURS_STORE = "serving-entity-hours";
    public static final String IN_COUNT_STORE = "serving-in-count";
    public static final String DEADLETTER_COUNTS_STORE = "serving-deadletter-counts";
    /** Expiry indexes: {@code <ingestion time, 19 digits>|<key>} of the store they expire. */
    public static final String ARTICLES_EXPIRY_STORE = "serving-articles-expiry";
    public static final String ENTITY_INDEX_EXPIRY_STORE = "serving-entity-index-expiry";

    /** How long an article stays in the views after it was last seen (ingestion time), by default. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    /** Repartition topics (suffixes of {@code <application.id>-...-repartition}). */
    public static final String ARTICLES_BY_ID = "serving-articles-by-id";
    public static final String ARTICLES_BY_ENTITY = "serving-entity-index-changes";
    public static final String TRENDS_BY_ENTITY = "serving-trends-by-entity";

    /** Entries kept per task in the recent-articles and recent-duplicates rings. */
    public static final int RING_SIZE = 100;

    /** How long entity hours are kept: the longest window the API accepts, plus a day. */
    public static final int ENTITY_HOURS_RETENTION_HOURS = 8 * 24;

    /** Counter names in {@link #OUTCOME_COUNTS_STORE}; kinds are {@code duplicates.<KIND>}. */
    static final String ARTICLES = "articles";
    static final String DUPLICATES = "duplicates";
    static final String IN = "in";

    private static final Serde<String> STRING = Serdes.String();
    private static final Serde<Long> LONG = Serdes.Long();

    private ServingViews() {
    }

    /**
     * The serving topology: the views, built only from newsflow's topics (the outputs, and the
     * raw topic for the input count). It runs under its own application id (see
     * {@link ServingSettings}), so an instance can serve, process, or both, and serving load
     * never slows processing.
     */
    public static Topology topology(Topics topics) {
        return topology(topics, DEFAULT_RETENTION);
    }

    /**
     * As {@link #topology(Topics)}, keeping articles in the article views and the entity index
     * for {@code retention} after they were last seen (ingestion time). Expiry reads
     * time-ordered index stores by range, so its cost follows what expires, not what is kept.
     * Counters and the recent rings are bounded by construction and keep their totals.
     */
    public static Topology topology(Topics topics, Duration retention) {
        long retentionMillis = retention.toMillis();
        if (retentionMillis <= 0) {
            throw new IllegalArgumentException("serving retention must be positive: " + retention);
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(store(IN_COUNT_STORE, LONG, true));
        builder.stream(topics.raw(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("serving-raw-in"))
            .process(() -> new Count<byte[], byte[]>(IN_COUNT_STORE, r -> IN), Named.as("serving-count-in"), IN_COUNT_STORE);

        // Articles and their duplicates, by article id. A tombstone on the articles topic is a
        // copy kept before its original arrived, now retracted: it leaves the article views.
        KStream<String, Article> articles = builder.stream(topics.articles(),
            Consumed.with(STRING, AvroSerde.articles()).withName("serving-articles-in"));
        builder.addStateStore(store(ARTICLES_STORE, JsonSerde.of(ArticleView.class), false));
        builder.addStateStore(store(RECENT_ARTICLES_STORE, STRING, false));
        builder.addStateStore(store(RECENT_DUPLICATES_STORE, JsonSerde.of(DuplicateSummary.class), false));
        builder.addStateStore(store(OUTCOME_COUNTS_STORE, LONG, true));
        builder.addStateStore(store(ARTICLES_EXPIRY_STORE, STRING, false));
        KStream<String, ArticleEvent> summaries = articles.processValues(
            () -> new Map1<String, Article, ArticleEvent>(r -> r.value() == null ? ArticleEvent.retraction()
                : new ArticleEvent(ArticleSummary.of(r.value(), r.timestamp()), null)),
            Named.as("serving-article-summary"));
        KStream<String, ArticleEvent> duplicates = builder.stream(topics.duplicates(),
                Consumed.with(STRING, AvroSerde.duplicates()).withName("serving-duplicates-in"))
            .filter((id, d) -> d != null, Named.as("serving-duplicates-non-null"))
            .process(() -> new Rekey<String, Duplicate, ArticleEvent>(r -> List.of(KeyValue.pair(
                    r.value().getDuplicateOf(), new ArticleEvent(null, DuplicateSummary.of(r.value(), r.timestamp()))))),
                Named.as("serving-duplicate-by-original"));
        // The article views also say what changes in the entity index (entity -> articles,
        // newest first): an article is filed under each entity it names, and taken out from
        // under those a newer version no longer names, or everywhere when it is retracted.
        builder.addStateStore(store(ENTITY_INDEX_STORE, JsonSerde.of(IndexedArticle.class), false));
        builder.addStateStore(store(ENTITY_INDEX_EXPIRY_STORE, STRING, false));
        summaries.merge(duplicates, Named.as("serving-article-events"))
            .repartition(Repartitioned.<String, ArticleEvent>as(ARTICLES_BY_ID)
                .withKeySerde(STRING).withValueSerde(JsonSerde.of(ArticleEvent.class)))
            .process(() -> new ArticleViewProcessor(retentionMillis), Named.as("serving-article-views"),
                ARTICLES_STORE, RECENT_ARTICLES_STORE, RECENT_DUPLICATES_STORE, OUTCOME_COUNTS_STORE, ARTICLES_EXPIRY_STORE)
            .repartition(Repartitioned.<String, IndexChange>as(ARTICLES_BY_ENTITY)
                .withKeySerde(STRING).withValueSerde(JsonSerde.of(IndexChange.class)))
            .process(() -> new EntityIndexProcessor(retentionMillis), Named.as("serving-entity-index-put"),
                ENTITY_INDEX_STORE, ENTITY_INDEX_EXPIRY_STORE);

        // Entity trend hours, by entity.
        builder.addStateStore(store(ENTITY_HOURS_STORE, JsonSerde.of(EntityTrends.Count.class), false));
        builder.stream(topics.entityTrends(), Consumed.with(STRING, AvroSerde.entityTrends()).withName("serving-trends-in"))
            .filter((k, t) -> t != null, Named.as("serving-trend-non-null"))
            .map((k, t) -> KeyValue.pair(t.getEntityId(), EntityTrends.fromAvro(t)), Named.as("serving-trend-by-entity"))
            .repartition(Repartitioned.<String, EntityTrends.Count>as(TRENDS_BY_ENTITY)
                .withKeySerde(STRING).withValueSerde(JsonSerde.of(EntityTrends.Count.class)))
            .process(EntityHoursProcessor::new, Named.as("serving-entity-hours-put"), ENTITY_HOURS_STORE);

        // Dead letters by reason, read back from the dead-letter topic.
        builder.addStateStore(store(DEADLETTER_COUNTS_STORE, LONG, true));
        builder.stream(topics.deadLetters(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withName("serving-deadletters-in"))
            .process(() -> new Count<byte[], byte[]>(DEADLETTER_COUNTS_STORE, ServingViews::reasonOf),
                Named.as("serving-count-deadletters"), DEADLETTER_COUNTS_STORE);
        return builder.build();
    }

    /** The key of an entity-index entry: a prefix scan on {@code entityId|} is newest first. */
    static String indexKey(String entityId, long time, String articleId) {
        return indexPrefix(entityId) + String.format(Locale.ROOT, "%019d", Long.MAX_VALUE - Math.max(0, time)) + "|" + articleId;
    }

    static String indexPrefix(String entityId) {
        return entityId + "|";
    }

    /** The key of an entity-hours entry; ISO hours sort in time order. */
    static String hourKey(String hour, String entityId) {
        return hour + "|" + entityId;
    }

    static String slot(long sequence) {
        return String.format(Locale.ROOT, "%03d", sequence % RING_SIZE);
    }

    private static String reasonOf(Record<byte[], byte[]> r) {
        Header h = r.headers().lastHeader("__streams.errors.message");
        return DeadLetterReasons.categoryOf(h == null || h.value() == null ? null
            : new String(h.value(), StandardCharsets.UTF_8));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values, boolean cached) {
        StoreBuilder<KeyValueStore<String, V>> b = Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), STRING, values);
        return cached ? b.withCachingEnabled() : b.withCachingDisabled();
    }

    private static void increment(KeyValueStore<String, Long> store, String key) {
        Long n = store.get(key);
        store.put(key, n == null ? 1 : n + 1);
    }

    /** Maps each value, with access to the record (timestamp); keeps the key. */
    private static final class Map1<K, V, VOut> implements FixedKeyProcessor<K, V, VOut> {

        private final Function<FixedKeyRecord<K, V>, VOut> f;
        private FixedKeyProcessorContext<K, VOut> context;

        Map1(Function<FixedKeyRecord<K, V>, VOut> f) {
            this.f = f;
        }

        @Override
        public void init(FixedKeyProcessorContext<K, VOut> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<K, V> record) {
            context.forward(record.withValue(f.apply(record)));
        }
    }

    /** Turns each record into zero or more records with new keys; keeps timestamp and headers. */
    private static final class Rekey<K, V, VOut> implements Processor<K, V, String, VOut> {

        private final Function<Record<K, V>, List<KeyValue<String, VOut>>> f;
        private ProcessorContext<String, VOut> context;

        Rekey(Function<Record<K, V>, List<KeyValue<String, VOut>>> f) {
            this.f = f;
        }

        @Override
        public void init(ProcessorContext<String, VOut> context) {
            this.context = context;
        }

        @Override
        public void process(Record<K, V> record) {
            for (KeyValue<String, VOut> kv : f.apply(record)) {
                context.forward(record.withKey(kv.key).withValue(kv.value));
            }
        }
    }

    /** Counts records per key function in a per-task counter store. */
    private static final class Count<K, V> implements Processor<K, V, Void, Void> {

        private final String storeName;
        private final Function<Record<K, V>, String> keyOf;
        private KeyValueStore<String, Long> store;

        Count(String storeName, Function<Record<K, V>, String> keyOf) {
            this.storeName = storeName;
            this.keyOf = keyOf;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<K, V> record) {
            increment(store, keyOf.apply(record));
        }
    }

    /**
     * Maintains article views, the recent rings and the outcome counters, and sends the entity
     * index the changes each article version makes to it.
     */
    private static final class ArticleViewProcessor implements Processor<String, ArticleEvent, String, IndexChange> {

        private final long retentionMillis;
        private KeyValueStore<String, ArticleView> articles;
        private KeyValueStore<String, String> recentArticles;
        private KeyValueStore<String, DuplicateSummary> recentDuplicates;
        private KeyValueStore<String, Long> counts;
        private KeyValueStore<String, String> expiry;
        private ProcessorContext<String, IndexChange> context;

        ArticleViewProcessor(long retentionMillis) {
            this.retentionMillis = retentionMillis;
        }

        @Override
        public void init(ProcessorContext<String, IndexChange> context) {
            this.context = context;
            articles = context.getStateStore(ARTICLES_STORE);
            recentArticles = context.getStateStore(RECENT_ARTICLES_STORE);
            recentDuplicates = context.getStateStore(RECENT_DUPLICATES_STORE);
            counts = context.getStateStore(OUTCOME_COUNTS_STORE);
            expiry = context.getStateStore(ARTICLES_EXPIRY_STORE);
            context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME,
                now -> ExpiryIndex.expireStale(expiry, articles, now - retentionMillis, ArticleView::lastSeen));
        }

        @Override
        public void process(Record<String, ArticleEvent> record) {
            ArticleEvent e = record.value();
            String id = record.key();
            ArticleView view = articles.get(id);
            if (view == null) {
                view = new ArticleView(null, 0, List.of());
            }
            view = view.seenAt(record.timestamp());
            expiry.put(ExpiryIndex.key(record.timestamp(), id), id);
            ArticleSummary before = view.article();
            if (e.retracted()) {
                if (view.article() != null) {
                    counts.put(ARTICLES, count(ARTICLES) - 1);
                }
                view = view.withArticle(null);
            } else if (e.article() != null) {
                ArticleSummary a = e.article();
                if (view.article() == null) {
                    recentArticles.put(slot(count(ARTICLES)), id);
                    increment(counts, ARTICLES);
                }
                view = view.withArticle(a);
            } else if (e.duplicate() != null) {
                DuplicateSummary d = e.duplicate();
                recentDuplicates.put(slot(count(DUPLICATES)), d);
                increment(counts, DUPLICATES);
                increment(counts, DUPLICATES + "." + d.kind());
                view = view.withDuplicate(d.id());
            }
            articles.put(id, view);
            if (e.duplicate() == null) {
                indexChanges(record, before, view.article());
            }
        }

        /** Takes {@code before} out from under the entities {@code after} does not file the same way; files {@code after}. */
        private void indexChanges(Record<String, ArticleEvent> record, ArticleSummary before, ArticleSummary after) {
            Set<String> kept = new HashSet<>();
            if (after != null) {
                after.entities().forEach(e -> kept.add(e.id()));
            }
            if (before != null) {
                for (ArticleSummary.EntityRef e : before.entities()) {
                    if (!kept.contains(e.id()) || after.time() != before.time()) {
                        context.forward(record.withKey(e.id())
                            .withValue(new IndexChange(IndexedArticle.of(e.id(), before, record.timestamp()), true)));
                    }
                }
            }
            if (after != null) {
                for (ArticleSummary.EntityRef e : after.entities()) {
                    context.forward(record.withKey(e.id())
                        .withValue(new IndexChange(IndexedArticle.of(e.id(), after, record.timestamp()), false)));
                }
            }
        }

        private long count(String key) {
            Long n = counts.get(key);
            return n == null ? 0 : n;
        }
    }

    /**
     * Files each article under each of its entities, and takes it out again when told. An
     * entry stays for the retention after its article was last filed (ingestion time).
     */
    private static final class EntityIndexProcessor implements Processor<String, IndexChange, Void, Void> {

        private final long retentionMillis;
        private KeyValueStore<String, IndexedArticle> index;
        private KeyValueStore<String, String> expiry;

        EntityIndexProcessor(long retentionMillis) {
            this.retentionMillis = retentionMillis;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            index = context.getStateStore(ENTITY_INDEX_STORE);
            expiry = context.getStateStore(ENTITY_INDEX_EXPIRY_STORE);
            context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME,
                now -> ExpiryIndex.expireStale(expiry, index, now - retentionMillis, IndexedArticle::seen));
        }

        @Override
        public void process(Record<String, IndexChange> record) {
            IndexedArticle a = record.value().entry();
            String key = indexKey(a.entityId(), a.time(), a.id());
            if (record.value().remove()) {
                index.delete(key);
                return;
            }
            index.put(key, a);
            expiry.put(ExpiryIndex.key(record.timestamp(), key), key);
        }
    }

    /** Keeps the latest count of each entity and hour; forgets hours past the retention. */
    private static final class EntityHoursProcessor implements Processor<String, EntityTrends.Count, Void, Void> {

        private KeyValueStore<String, EntityTrends.Count> hours;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            hours = context.getStateStore(ENTITY_HOURS_STORE);
            context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::expire);
        }

        @Override
        public void process(Record<String, EntityTrends.Count> record) {
            EntityTrends.Count c = record.value();
            hours.put(hourKey(c.hour(), c.entityId()), c);
        }

        private void expire(long now) {
            String oldest = Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.HOURS)
                .minus(ENTITY_HOURS_RETENTION_HOURS, ChronoUnit.HOURS).toString();
            List<String> old = new ArrayList<>();
            try (KeyValueIterator<String, EntityTrends.Count> it = hours.all()) {
                while (it.hasNext()) {
                    String key = it.next().key;
                    if (key.compareTo(oldest) >= 0) {
                        break;
                    }
                    old.add(key);
                }
            }
            old.forEach(hours::delete);
        }
    }
}

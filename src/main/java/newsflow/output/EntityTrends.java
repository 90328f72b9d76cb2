package newsflow.output;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newsflow.avro.EntityTrend;
import newsflow.core.EventTime;
import newsflow.core.TaggedArticle;
import newsflow.core.TaggedEntity;
import newsflow.core.serde.JsonSerde;
import newsflow.core.state.ExpiryIndex;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Entity trends: per entity and hour of publication, how many unique articles mention it.
 * Only kept articles reach this stage, so a duplicate never counts twice.
 *
 * <pre>
 *  articles (by id) ─► [1 contributions] ─► changes (by entity@hour) ─► [2 counts] ─► counts
 *                      what each article       +1 / -1                    the count of each
 *                      counted                                            entity and hour
 * </pre>
 *
 * <ol>
 *   <li>Per article, the entity-hours it counted towards are kept in {@value #ARTICLES_STORE}.
 *       A new version of the article (the same URL sent again with changed text) counts the
 *       difference: +1 for each entity-hour it gains, -1 for each it loses. An article
 *       re-emitted unchanged changes nothing; a retracted one (a copy first kept, then found
 *       to follow an original) takes back exactly what it counted, without being tagged again.</li>
 *   <li>Per entity-hour, the running count lives in {@value #COUNTS_STORE}; every change goes to
 *       {@code news.entity-trends} under the key {@code <entityId>@<hour>}, and a count that
 *       falls to zero as a tombstone.</li>
 * </ol>
 *
 * <p>Both stores are bounded: an entry is dropped once it has not changed for the retention
 * (ingestion time; by default {@value #DEFAULT_RETENTION_DAYS} days, at least the dedupe
 * horizon, within which retractions arrive). Expiry is a range read over a time-ordered index
 * ({@link ExpiryIndex}) that holds one entry per stored entry (a change moves it), never a scan.
 * An entry's time is the latest ingestion time its task has seen, so a record stamped earlier
 * than others (a backfill) is not expired on arrival. The count already sent for an expired
 * entity-hour stays on the output topic; an article of that hour arriving later starts a new
 * count from its own contribution (it under-counts), and an update of an article whose
 * contributions expired adds its entities again (it over-counts): both need the retention to
 * pass between two versions, or between an hour's articles.
 */
public final class EntityTrends {

    /** Per entity-hour: its count and when it last changed ({@link Tally}). */
    public static final String COUNTS_STORE = "entity-trend-counts";
    /** Per article: the entity-hours it counts towards ({@link Counted}). */
    public static final String ARTICLES_STORE = "entity-trend-articles";
    /** Expiry indexes of the two stores: {@code <ingest time, 19 digits>|<key>}. */
    public static final String COUNTS_EXPIRY_STORE = "entity-trend-counts-expiry";
    public static final String ARTICLES_EXPIRY_STORE = "entity-trend-articles-expiry";
    /** Repartition topic of the count changes (suffix of {@code <application.id>-...-repartition}). */
    public static final String BY_ENTITY_HOUR = "entity-trend-changes-by-entity-hour";

    static final int DEFAULT_RETENTION_DAYS = 8;
    /** How long an entity-hour or an article's contributions stay after their last change, by default. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(DEFAULT_RETENTION_DAYS);

    /** How often the stores are expired (wall-clock time). */
    private static final Duration EXPIRY_INTERVAL = Duration.ofMinutes(5);

    /** The count of one entity in one hour, or (between the two steps) a change of +1 or -1. */
    public record Count(String entityId, String name, String type, String hour, long articles) {

        String key() {
            return entityId + "@" + hour;
        }

        Count withArticles(long n) {
            return new Count(entityId, name, type, hour, n);
        }
    }

    /** What one article counted towards, and when it was last seen (ingestion time). */
    public record Counted(long seen, List<Count> contributions) {

        public Counted {
            contributions = List.copyOf(contributions);
        }
    }

    /** A running count and when it last changed (ingestion time). */
    public record Tally(Count count, long changed) {
    }

    private EntityTrends() {
    }

    /**
     * Adds the trend counting to {@code builder}.
     *
     * @param articles  tagged articles by id, retractions included (their entities are not read)
     * @param retention how long an unchanged entry stays in the stores
     * @return count changes by {@code <entityId>@<hour>}; a null value when a count fell to zero
     */
    public static KStream<String, Count> build(StreamsBuilder builder, KStream<String, TaggedArticle> articles,
                                               Duration retention) {
        long retentionMillis = retention.toMillis();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES_STORE),
            Serdes.String(), JsonSerde.of(Counted.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES_EXPIRY_STORE),
            Serdes.String(), Serdes.String()));
        // Cached: an entity-hour changes with every article that names it, and its expiry entry
        // moves each time. Between two commits a count reaches RocksDB and the changelog once,
        // with its last value, and an expiry entry written and deleted again reaches them once,
        // as a deletion (about a third fewer changelog records on the bench corpus). The changes
        // still go downstream one by one.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTS_STORE),
            Serdes.String(), JsonSerde.of(Tally.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTS_EXPIRY_STORE),
            Serdes.String(), Serdes.String()).withCachingEnabled());
        return articles
            .process(() -> new ContributionsProcessor(retentionMillis), Named.as("entity-trends-contributions"),
                ARTICLES_STORE, ARTICLES_EXPIRY_STORE)
            .repartition(Repartitioned.<String, Count>as(BY_ENTITY_HOUR)
                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(Count.class)))
            .process(() -> new CountsProcessor(retentionMillis), Named.as("entity-trends-count"),
                COUNTS_STORE, COUNTS_EXPIRY_STORE);
    }

    /** The Avro record of a count. */
    public static EntityTrend toAvro(Count c) {
        return new EntityTrend(c.entityId(), c.name(), c.type(), c.hour(), c.articles());
    }

    /** The count an entity-trends record carries (what {@link #toAvro} wrote). */
    public static Count fromAvro(EntityTrend t) {
        return new Count(t.getEntityId(), t.getName(), t.getType(), t.getHour(), t.getArticles());
    }

    /** The start of the hour of an article's publication (ingestion time when unknown). */
    public static String hourOf(String publishedAt, long recordTimestamp) {
        return Instant.ofEpochMilli(EventTime.millis(publishedAt, recordTimestamp))
            .truncatedTo(ChronoUnit.HOURS).toString();
    }

    /** An article's contributions: one count of 1 per entity, in the hour of its publication. */
    static Map<String, Count> contributionsOf(TaggedArticle article, long recordTimestamp) {
        Map<String, Count> out = new LinkedHashMap<>();
        if (article.verdict().retractsArticle()) {
            return out;
        }
        String hour = hourOf(article.verdict().article().publishedAt(), recordTimestamp);
        for (TaggedEntity e : article.entities()) {
            Count one = new Count(e.id(), e.name(), e.type().name(), hour, 1);
            out.putIfAbsent(one.key(), one);
        }
        return out;
    }

    /** Step 1, on the article's partition: the change each article version makes to the counts. */
    private static final class ContributionsProcessor implements Processor<String, TaggedArticle, String, Count> {

        private final long retentionMillis;
        private ProcessorContext<String, Count> context;
        private KeyValueStore<String, Counted> counted;
        private KeyValueStore<String, String> expiry;
        private long latestSeen = Long.MIN_VALUE;

        ContributionsProcessor(long retentionMillis) {
            this.retentionMillis = retentionMillis;
        }

        @Override
        public void init(ProcessorContext<String, Count> context) {
            this.context = context;
            this.counted = context.getStateStore(ARTICLES_STORE);
            this.expiry = context.getStateStore(ARTICLES_EXPIRY_STORE);
            context.schedule(EXPIRY_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> expire());
        }

        @Override
        public void process(Record<String, TaggedArticle> record) {
            String id = record.key();
            Counted before = counted.get(id);
            Map<String, Count> now = contributionsOf(record.value(), record.timestamp());
            Map<String, Count> was = new LinkedHashMap<>();
            if (before != null) {
                before.contributions().forEach(c -> was.put(c.key(), c));
            }
            for (Count c : was.values()) {
                if (!now.containsKey(c.key())) {
                    forward(record, c.withArticles(-1));
                }
            }
            for (Count c : now.values()) {
                if (!was.containsKey(c.key())) {
                    forward(record, c);
                }
            }
            // Seen "now" in the task's ingestion time: a record stamped earlier than others (a
            // backfill, a lagging partition) is not expired at once.
            latestSeen = Math.max(latestSeen, record.timestamp());
            if (before != null) {
                expiry.delete(ExpiryIndex.key(before.seen(), id));
            }
            if (now.isEmpty()) {
                counted.delete(id);
            } else {
                counted.put(id, new Counted(latestSeen, List.copyOf(now.values())));
                expiry.put(ExpiryIndex.key(latestSeen, id), id);
            }
        }

        private void forward(Record<String, TaggedArticle> record, Count change) {
            // Trend records carry no headers of the article (outcome, timing).
            context.forward(new Record<>(change.key(), change, record.timestamp(), new RecordHeaders()));
        }

        private void expire() {
            if (latestSeen == Long.MIN_VALUE) {
                return;
            }
            long cutoff = latestSeen - retentionMillis;
            ExpiryIndex.expireStale(expiry, counted, cutoff, Counted::seen);
        }
    }

    /** Step 2, on the entity-hour's partition: applies the changes to the running counts. */
    private static final class CountsProcessor implements Processor<String, Count, String, Count> {

        private final long retentionMillis;
        private ProcessorContext<String, Count> context;
        private KeyValueStore<String, Tally> counts;
        private KeyValueStore<String, String> expiry;
        private long latestChange = Long.MIN_VALUE;

        CountsProcessor(long retentionMillis) {
            this.retentionMillis = retentionMillis;
        }

        @Override
        public void init(ProcessorContext<String, Count> context) {
            this.context = context;
            this.counts = context.getStateStore(COUNTS_STORE);
            this.expiry = context.getStateStore(COUNTS_EXPIRY_STORE);
            context.schedule(EXPIRY_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> expire());
        }

        @Override
        public void process(Record<String, Count> record) {
            String key = record.key();
            Count change = record.value();
            Tally tally = counts.get(key);
            long n = (tally == null ? 0 : tally.count().articles()) + change.articles();
            latestChange = Math.max(latestChange, record.timestamp());
            if (tally != null) {
                expiry.delete(ExpiryIndex.key(tally.changed(), key));
            }
            if (n <= 0) {
                counts.delete(key);
                if (tally != null) {
                    context.forward(record.withValue(null));
                }
                return;
            }
            // A gain names the entity as its latest article does; a loss keeps the name counted.
            Count total = (change.articles() > 0 || tally == null ? change : tally.count()).withArticles(n);
            counts.put(key, new Tally(total, latestChange));
            expiry.put(ExpiryIndex.key(latestChange, key), key);
            context.forward(record.withValue(total));
        }

        private void expire() {
            if (latestChange == Long.MIN_VALUE) {
                return;
            }
            long cutoff = latestChange - retentionMillis;
            ExpiryIndex.expireStale(expiry, counts, cutoff, Tally::changed);
        }
    }
}

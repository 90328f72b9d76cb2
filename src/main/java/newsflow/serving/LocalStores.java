package newsflow.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import newsflow.output.EntityTrends;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers from this instance's active state stores only (the other instances' partitions are
 * not looked at). A store with no active partition here reads as empty. Thread-safe.
 */
public final class LocalStores {

    /** Newest first, then by id: the order of every "recent" list. */
    static final Comparator<ArticleView> BY_SEEN = Comparator
        .comparingLong((ArticleView v) -> v.article().seenAt()).reversed()
        .thenComparing(v -> v.article().id());
    static final Comparator<DuplicateSummary> DUPLICATES_BY_SEEN = Comparator
        .comparingLong(DuplicateSummary::seenAt).reversed().thenComparing(DuplicateSummary::id);
    static final Comparator<TrendingEntity> BY_ARTICLES = Comparator
        .comparingLong(TrendingEntity::articles).reversed().thenComparing(TrendingEntity::id);

    private final KafkaStreams streams;
    private final HostInfo self;

    /** @param self this instance's {@code application.server} */
    public LocalStores(KafkaStreams streams, HostInfo self) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.self = Objects.requireNonNull(self, "self");
    }

    /** The article view of {@code id}, or null when this instance does not know it. */
    public ArticleView article(String id) {
        ReadOnlyKeyValueStore<String, ArticleView> store = store(ServingViews.ARTICLES_STORE);
        ArticleView v = store == null ? null : store.get(id);
        return v == null || v.article() == null ? null : v;
    }

    /** Articles filed under {@code entityId}, newest event time first. */
    public List<IndexedArticle> entityArticles(String entityId, int limit) {
        ReadOnlyKeyValueStore<String, IndexedArticle> store = store(ServingViews.ENTITY_INDEX_STORE);
        List<IndexedArticle> out = new ArrayList<>();
        if (store == null) {
            return out;
        }
        String prefix = ServingViews.indexPrefix(entityId);
        Set<String> seen = new HashSet<>();
        try (KeyValueIterator<String, IndexedArticle> it = store.prefixScan(prefix, Serdes.String().serializer())) {
            while (it.hasNext() && out.size() < limit) {
                KeyValue<String, IndexedArticle> kv = it.next();
                if (entityId.equals(kv.value.entityId()) && seen.add(kv.value.id())) {
                    out.add(kv.value);
                }
            }
        }
        return out;
    }

    /** The latest new articles of this instance's tasks, newest first. */
    public List<ArticleView> latestArticles(int limit) {
        ReadOnlyKeyValueStore<String, String> ring = store(ServingViews.RECENT_ARTICLES_STORE);
        List<ArticleView> out = new ArrayList<>();
        if (ring == null) {
            return out;
        }
        Set<String> ids = new HashSet<>();
        try (KeyValueIterator<String, String> it = ring.all()) {
            it.forEachRemaining(kv -> ids.add(kv.value));
        }
        for (String id : ids) {
            ArticleView v = article(id);
            if (v != null) {
                out.add(v);
            }
        }
        out.sort(BY_SEEN);
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** The latest duplicates of this instance's tasks, newest first. */
    public List<DuplicateSummary> recentDuplicates(int limit) {
        ReadOnlyKeyValueStore<String, DuplicateSummary> ring = store(ServingViews.RECENT_DUPLICATES_STORE);
        List<DuplicateSummary> out = new ArrayList<>();
        if (ring != null) {
            try (KeyValueIterator<String, DuplicateSummary> it = ring.all()) {
                it.forEachRemaining(kv -> out.add(kv.value));
            }
        }
        out.sort(DUPLICATES_BY_SEEN);
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /**
     * The entities with the most unique articles in the hours from {@code fromHour} (an ISO
     * hour such as {@code 2026-03-15T07:00:00Z}) on. Exact for the entities this instance
     * holds: all hours of an entity live in one partition.
     */
    public List<TrendingEntity> trending(String fromHour, int limit) {
        ReadOnlyKeyValueStore<String, EntityTrends.Count> store = store(ServingViews.ENTITY_HOURS_STORE);
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, EntityTrends.Count> latest = new LinkedHashMap<>();
        if (store != null) {
            try (KeyValueIterator<String, EntityTrends.Count> it = store.range(fromHour, null)) {
                while (it.hasNext()) {
                    EntityTrends.Count c = it.next().value;
                    totals.computeIfAbsent(c.entityId(), k -> new long[1])[0] += c.articles();
                    latest.put(c.entityId(), c);
                }
            }
        }
        List<TrendingEntity> out = new ArrayList<>();
        totals.forEach((id, n) -> {
            EntityTrends.Count c = latest.get(id);
            out.add(new TrendingEntity(id, c.name(), c.type(), n[0]));
        });
        out.sort(BY_ARTICLES);
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /**
     * This instance's share of the counters: {@code in}, {@code articles}, {@code duplicates},
     * {@code duplicates.<KIND>} and {@code deadletters.<reason>}.
     */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        sum(ServingViews.IN_COUNT_STORE, "", out);
        sum(ServingViews.OUTCOME_COUNTS_STORE, "", out);
        sum(ServingViews.DEADLETTER_COUNTS_STORE, "deadletters.", out);
        return out;
    }

    private void sum(String storeName, String prefix, Map<String, Long> into) {
        ReadOnlyKeyValueStore<String, Long> store = store(storeName);
        if (store == null) {
            return;
        }
        try (KeyValueIterator<String, Long> it = store.all()) {
            it.forEachRemaining(kv -> into.merge(prefix + kv.key, kv.value, Long::sum));
        }
    }

    /**
     * The local store, or null when no active partition of it is on this instance. Reads
     * that hit a partition in migration throw {@code InvalidStateStoreException} (a 503).
     */
    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        boolean hostedHere = streams.streamsMetadataForStore(name).stream()
            .anyMatch(m -> m.hostInfo().equals(self) && !m.topicPartitions().isEmpty());
        if (!hostedHere) {
            return null;
        }
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}

package newsflow.serving;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The query API's operations, answered the same by every instance: a lookup by key goes to
 * the instance that owns the key; a list over everything gathers each instance's local
 * answer (in-process for this instance, over HTTP for the others) and merges them. Thread-safe.
 */
public final class QueryService {

    private final InstanceDirectory directory;
    private final LocalStores local;
    private final RemoteInstances remote;
    private final LagProbe lag;

    QueryService(InstanceDirectory directory, LocalStores local, RemoteInstances remote, LagProbe lag) {
        this.directory = directory;
        this.local = local;
        this.remote = remote;
        this.lag = lag;
    }

    LocalStores local() {
        return local;
    }

    /** The article {@code id}, or 404. */
    public ArticleView article(String id) {
        HostInfo owner = directory.ownerOf(ServingViews.ARTICLES_STORE, id);
        ArticleView v = directory.isSelf(owner) ? local.article(id)
            : remote.get(owner, "/api/internal/articles/" + encode(id), new TypeReference<ArticleView>() { });
        if (v == null) {
            throw ApiException.notFound("no article with id '" + id + "'");
        }
        return v;
    }

    /** The articles mentioning {@code entityId}, newest first. */
    public List<IndexedArticle> entityArticles(String entityId, int limit) {
        HostInfo owner = directory.ownerOf(ServingViews.ENTITY_INDEX_STORE, entityId);
        return directory.isSelf(owner) ? local.entityArticles(entityId, limit)
            : remote.get(owner, "/api/internal/entity-articles?entity=" + encode(entityId) + "&limit=" + limit,
                new TypeReference<List<IndexedArticle>>() { });
    }

    /** The latest new articles over all instances, newest first. */
    public List<ArticleView> latestArticles(int limit) {
        return gather(() -> local.latestArticles(limit), "/api/internal/latest-articles?limit=" + limit,
            new TypeReference<List<ArticleView>>() { }, LocalStores.BY_SEEN, limit);
    }

    /** The latest duplicates over all instances, newest first. */
    public List<DuplicateSummary> recentDuplicates(int limit) {
        return gather(() -> local.recentDuplicates(limit), "/api/internal/duplicates?limit=" + limit,
            new TypeReference<List<DuplicateSummary>>() { }, LocalStores.DUPLICATES_BY_SEEN, limit);
    }

    /**
     * The entities with the most unique articles in the {@code hours} hours up to {@code at}
     * (the hour of {@code at} and the {@code hours - 1} before it; later hours count too, for
     * pages dated slightly in the future). Every entity lives on exactly one instance, so
     * merging the instances' local top N gives the exact top N.
     */
    public List<TrendingEntity> trending(int hours, int limit, Instant at) {
        String from = fromHour(hours, at);
        return gather(() -> local.trending(from, limit), "/api/internal/trending?from=" + encode(from) + "&limit=" + limit,
            new TypeReference<List<TrendingEntity>>() { }, LocalStores.BY_ARTICLES, limit);
    }

    /** The first hour of a window of {@code hours} hours ending with the hour of {@code at}. */
    static String fromHour(int hours, Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS).minus(hours - 1L, ChronoUnit.HOURS).toString();
    }

    /** Counts over all instances, and the lag on the raw topic. */
    public Stats stats() {
        List<HostInfo> hosts = directory.all();
        Map<String, Long> total = new TreeMap<>();
        for (HostInfo h : hosts) {
            Map<String, Long> counts = directory.isSelf(h) ? local.counts()
                : remote.get(h, "/api/internal/counts", new TypeReference<Map<String, Long>>() { });
            counts.forEach((k, v) -> total.merge(k, v, Long::sum));
        }
        return Stats.of(total, lag.lag(), hosts.size());
    }

    private <T> List<T> gather(Supplier<List<T>> here, String path, TypeReference<List<T>> type,
                               Comparator<T> order, int limit) {
        List<T> all = new ArrayList<>();
        for (HostInfo h : directory.all()) {
            all.addAll(directory.isSelf(h) ? here.get() : remote.get(h, path, type));
        }
        all.sort(order);
        return all.size() > limit ? new ArrayList<>(all.subList(0, limit)) : all;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

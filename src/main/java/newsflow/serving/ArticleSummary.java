package newsflow.serving;

import java.util.List;

import newsflow.avro.Article;
import newsflow.core.EventTime;

/**
 * What the query API shows of a kept article: metadata, entities and relations, not the body.
 * Immutable; fields other than {@code id} and {@code url} may be null or empty.
 *
 * @param id          article id
 * @param title       headline, or null
 * @param url         the page URL
 * @param publishedAt publication time as stated (ISO-8601), or null
 * @param source      site or publisher, or null
 * @param storyId     id shared with its rewrites
 * @param entities    the entities, most salient first
 * @param related     articles it derives from
 * @param time        event time in epoch ms: publication time, else ingestion time
 * @param seenAt      ingestion time in epoch ms (the raw record's timestamp)
 */
public record ArticleSummary(String id, String title, String url, String publishedAt, String source,
                             String storyId, List<EntityRef> entities, List<RelatedRef> related,
                             long time, long seenAt) {

    public ArticleSummary {
        entities = entities == null ? List.of() : List.copyOf(entities);
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** An entity of an article: canonical id, name and type. */
    public record EntityRef(String id, String name, String type) {
    }

    /** A relation to another article. */
    public record RelatedRef(String id, String relation, double score) {
    }

    /** The summary of an article of the articles topic; {@code timestamp} is the record's (ingestion) time. */
    public static ArticleSummary of(Article article, long timestamp) {
        List<EntityRef> entities = article.getEntities().stream()
            .sorted((x, y) -> Double.compare(y.getSalience(), x.getSalience()))
            .map(e -> new EntityRef(e.getId(), e.getName(), e.getType().name())).toList();
        List<RelatedRef> related = article.getRelated().stream()
            .map(r -> new RelatedRef(r.getId(), r.getRelation().name(), r.getScore())).toList();
        return new ArticleSummary(article.getId(), article.getTitle(), article.getUrl(), article.getPublishedAt(),
            article.getSource(), article.getStoryId(), entities, related,
            EventTime.millis(article.getPublishedAt(), timestamp), timestamp);
    }
}

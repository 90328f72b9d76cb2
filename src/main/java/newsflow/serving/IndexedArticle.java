package newsflow.serving;

/**
 * An entry of the entity index: enough of an article to list it under an entity without a
 * second lookup. Immutable.
 *
 * @param entityId    the entity the entry is filed under
 * @param id          article id
 * @param title       headline, or null
 * @param url         URL
 * @param publishedAt stated publication time, or null
 * @param source      site or publisher, or null
 * @param time        event time in epoch ms (the index order)
 * @param seen        ingestion time (epoch ms) at which this version of the article was filed:
 *                    the index keeps the entry for the serving retention after that
 */
public record IndexedArticle(String entityId, String id, String title, String url, String publishedAt,
                             String source, long time, long seen) {

    static IndexedArticle of(String entityId, ArticleSummary a, long seen) {
        return new IndexedArticle(entityId, a.id(), a.title(), a.url(), a.publishedAt(), a.source(), a.time(), seen);
    }
}

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
 */
public record IndexedArticle(String entityId, String id, String title, String url, String publishedAt,
                             String source, long time) {

    static IndexedArticle of(String entityId, ArticleSummary a) {
        return new IndexedArticle(entityId, a.id(), a.title(), a.url(), a.publishedAt(), a.source(), a.time());
    }
}

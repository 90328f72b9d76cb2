package newsflow.core;

/**
 * A link from a kept article to another one it derives from.
 *
 * @param id       the other article's id
 * @param relation {@code REWRITE} for now
 * @param score    similarity evidence in [0, 1]
 */
public record RelatedArticle(String id, String relation, double score) {
}

package newsflow.serving;

/**
 * What travels on the articles-by-id repartition topic, keyed by the id of the article it
 * concerns: either the article's summary, or a duplicate dropped in its favour. Exactly one
 * field is non-null.
 */
record ArticleEvent(ArticleSummary article, DuplicateSummary duplicate) {
}

package newsflow.serving;

/**
 * What travels on the articles-by-id repartition topic, keyed by the id of the article it
 * concerns: the article's summary, a duplicate dropped in its favour, or the retraction of an
 * article that turned out to copy an original that arrived later. Exactly one is set.
 */
record ArticleEvent(ArticleSummary article, DuplicateSummary duplicate, boolean retracted) {

    ArticleEvent(ArticleSummary article, DuplicateSummary duplicate) {
        this(article, duplicate, false);
    }

    static ArticleEvent retraction() {
        return new ArticleEvent(null, null, true);
    }
}

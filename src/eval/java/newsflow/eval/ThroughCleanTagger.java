package newsflow.eval;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.clean.UnusablePageException;
import newsflow.core.CleanArticle;
import newsflow.core.TaggedEntity;
import newsflow.entities.EntityTagger;
import newsflow.ingest.RawPage;

/**
 * Tags a document as the pipeline would: first the clean stage, with the document as a
 * scraper's plain-text page, then the tagger on the cleaned body. A document the clean stage
 * rejects gets no entities and is counted ({@link #rejected()}), as is one in a language the
 * tagger has no model for ({@link #untaggedByLanguage()}). Mentions point into the
 * cleaned body, so only document-level figures mean anything in this mode. Dedupe is not
 * included.
 */
final class ThroughCleanTagger implements EntityTagger {

    private final EntityTagger tagger;
    private final ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults());
    private final AtomicInteger documents = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final java.util.Map<String, Integer> untagged = new java.util.concurrent.ConcurrentSkipListMap<>();

    ThroughCleanTagger(EntityTagger tagger) {
        this.tagger = Objects.requireNonNull(tagger, "tagger");
    }

    @Override
    public List<TaggedEntity> tag(String title, String text) {
        int n = documents.incrementAndGet();
        CleanArticle article;
        try {
            article = cleaner.clean(RawPage.ofText("https://eval.example/doc/" + n, text));
        } catch (UnusablePageException e) {
            rejected.incrementAndGet();
            return List.of();
        }
        if (!tagger.supportsLanguage(article.language())) {
            untagged.merge(String.valueOf(article.language()), 1, Integer::sum);
            return List.of();
        }
        return tagger.tag(article.title(), article.text());
    }

    /** Documents left untagged because the clean stage found them in another language, by language. */
    java.util.Map<String, Integer> untaggedByLanguage() {
        return untagged;
    }

    /** Documents the clean stage rejected so far. */
    int rejected() {
        return rejected.get();
    }
}

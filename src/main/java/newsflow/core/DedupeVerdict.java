package newsflow.core;

import java.util.List;

/**
 * The dedupe stage's verdict on one article: kept (possibly related to others) or dropped as a
 * duplicate of an earlier one. A later verdict on the same id supersedes an earlier one: when
 * an original arrives after its copy (partitions and backfills deliver in any order), the copy's
 * verdict changes from kept to duplicate, with {@code retractsArticle} set, so consumers of the
 * compacted {@code news.articles} topic see it removed.
 *
 * @param id              the article id
 * @param article         the clean article
 * @param storyId         id shared by an article and its rewrites (the original's id)
 * @param related         articles this one derives from (kept articles only)
 * @param duplicateOf     the id of the original when dropped, else {@code null}
 * @param kind            why it was dropped, else {@code null}
 * @param similarity      similarity to the original when dropped, else 0
 * @param retractsArticle the article was emitted as kept before and must be removed
 */
public record DedupeVerdict(String id, CleanArticle article, String storyId,
                            List<RelatedArticle> related, String duplicateOf,
                            DuplicateKind kind, double similarity, boolean retractsArticle) {

    public DedupeVerdict {
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** A kept article with no relations. */
    public static DedupeVerdict unique(String id, CleanArticle article) {
        return new DedupeVerdict(id, article, id, List.of(), null, null, 0, false);
    }

    /** A dropped duplicate. */
    public static DedupeVerdict duplicate(String id, CleanArticle article, String original,
                                          DuplicateKind kind, double similarity) {
        return new DedupeVerdict(id, article, original, List.of(), original, kind, similarity, false);
    }

    /** Whether the article is dropped as a duplicate. */
    public boolean isDuplicate() {
        return duplicateOf != null;
    }
}

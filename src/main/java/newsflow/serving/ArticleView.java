package newsflow.serving;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of the articles store: an article's summary and the duplicates dropped in its
 * favour. Either part may arrive first (a duplicate can be routed before its original's
 * summary), so {@code article} may be null until the summary arrives. Immutable.
 *
 * @param article      the summary, or null when only duplicates are known so far
 * @param duplicates   how many duplicates of it were dropped
 * @param duplicateIds the ids of the most recent of them, newest last, at most
 *                     {@value #MAX_DUPLICATE_IDS}
 * @param lastSeen     ingestion time (epoch ms) of the latest event about it: the views keep
 *                     it for their retention after that
 */
public record ArticleView(ArticleSummary article, long duplicates, List<String> duplicateIds, long lastSeen) {

    static final int MAX_DUPLICATE_IDS = 20;

    public ArticleView {
        duplicateIds = duplicateIds == null ? List.of() : List.copyOf(duplicateIds);
    }

    ArticleView(ArticleSummary article, long duplicates, List<String> duplicateIds) {
        this(article, duplicates, duplicateIds, 0);
    }

    ArticleView withArticle(ArticleSummary summary) {
        return new ArticleView(summary, duplicates, duplicateIds, lastSeen);
    }

    ArticleView seenAt(long time) {
        return new ArticleView(article, duplicates, duplicateIds, Math.max(lastSeen, time));
    }

    ArticleView withDuplicate(String duplicateId) {
        if (duplicateIds.contains(duplicateId)) {
            return this;
        }
        List<String> ids = new ArrayList<>(duplicateIds);
        ids.add(duplicateId);
        while (ids.size() > MAX_DUPLICATE_IDS) {
            ids.remove(0);
        }
        return new ArticleView(article, duplicates + 1, ids, lastSeen);
    }
}

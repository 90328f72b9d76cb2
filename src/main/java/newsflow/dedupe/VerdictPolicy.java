package newsflow.dedupe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import newsflow.core.CleanArticle;
import newsflow.core.DedupeVerdict;
import newsflow.core.DuplicateKind;
import newsflow.core.RelatedArticle;

/**
 * The one dedupe verdict policy: a pure function from an article's verified relations to its
 * verdict. The streaming stage decides with it whenever an article's relations change (so a
 * verdict can be revised when an original arrives late), and the in-memory evaluation with it
 * after each article; both therefore measure and run the same rule.
 *
 * <ul>
 *   <li>Relations where the article is the original change nothing for it.</li>
 *   <li>Among EXACT and NEAR relations where it is the copy, the best original: EXACT before
 *       NEAR, then the higher similarity, then the earlier original, then the smaller id. The
 *       article is then a duplicate of that original (chains are not followed: a copy of a copy
 *       names the article it is closest to).</li>
 *   <li>Otherwise it is kept; its REWRITE originals are its {@code related} articles, best first
 *       (similarity, then id), and its story is that of the earliest of them (time, then id),
 *       else its own.</li>
 * </ul>
 */
public final class VerdictPolicy {

    /** EXACT before NEAR, then higher similarity, then the earlier original, then smaller id. */
    private static final Comparator<Relation> BEST_ORIGINAL = Comparator
        .comparing((Relation r) -> r.kind() == MatchKind.EXACT ? 0 : 1)
        .thenComparing(Comparator.comparingDouble(Relation::similarity).reversed())
        .thenComparingLong(Relation::originalTime)
        .thenComparing(Relation::originalId);

    private static final Comparator<Relation> EARLIEST_ORIGINAL = Comparator
        .comparingLong(Relation::originalTime).thenComparing(Relation::originalId);

    private VerdictPolicy() {
    }

    /** The verdict on article {@code id} given every relation known for it. */
    public static DedupeVerdict decide(String id, CleanArticle article, List<Relation> relations) {
        Relation duplicateOf = null;
        List<Relation> rewrites = new ArrayList<>();
        for (Relation r : relations) {
            if (!r.copyId().equals(id)) {
                continue; // this article is the original: nothing changes for it
            }
            if (r.kind().isDuplicate()) {
                if (duplicateOf == null || BEST_ORIGINAL.compare(r, duplicateOf) < 0) {
                    duplicateOf = r;
                }
            } else if (r.kind() == MatchKind.REWRITE) {
                rewrites.add(r);
            }
        }
        if (duplicateOf != null) {
            return DedupeVerdict.duplicate(id, article, duplicateOf.originalId(),
                DuplicateKind.valueOf(duplicateOf.kind().name()), duplicateOf.similarity());
        }
        String storyId = rewrites.stream().min(EARLIEST_ORIGINAL).map(Relation::originalId).orElse(id);
        List<RelatedArticle> related = rewrites.stream()
            .sorted(Comparator.comparingDouble(Relation::similarity).reversed().thenComparing(Relation::originalId))
            .map(r -> new RelatedArticle(r.originalId(), "REWRITE", r.similarity()))
            .toList();
        return new DedupeVerdict(id, article, storyId, related, null, null, 0, false);
    }
}

package newsflow.dedupe;

import java.util.Objects;

/**
 * The verified relation between two articles.
 *
 * <p>{@code originalId} is the article that comes first in canonical order (earlier event time,
 * then smaller id), whichever argument order {@link Verifier#verify} was called with.
 *
 * @param kind       the relation
 * @param similarity for EXACT 1; for NEAR {@code max(Jaccard, containment)} of the word
 *                   shingles; for REWRITE the aligned share of the shorter text; for NONE the
 *                   best of these that did not pass (a diagnostic, not a probability)
 * @param originalId the earlier article
 * @param copyId     the later article
 */
public record Match(MatchKind kind, double similarity, String originalId, String copyId) {

    public Match {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(originalId, "originalId");
        Objects.requireNonNull(copyId, "copyId");
    }

    /** The id on the other side of {@code id}. */
    public String other(String id) {
        return id.equals(originalId) ? copyId : originalId;
    }
}

package newsflow.dedupe;

import java.util.Objects;

/**
 * The verified relation between two articles.
 *
 * <p>{@code originalId} is the article that comes first in canonical order (earlier event time,
 * then smaller id), whichever argument order {@link Verifier#verify} was called with; except for
 * a partial copy (NEAR by the partial-syndication rule) with the same event time as its source
 * (pages dated to the day), where it is the longer text, whose opening the shorter one holds.
 *
 * @param kind       the relation
 * @param similarity for EXACT 1; for NEAR {@code max(Jaccard, containment)} of the word
 *                   shingles, or for a partial copy the share of its long sentences found in
 *                   the original's opening; for REWRITE the aligned share of the shorter text; for NONE the
 *                   best of these that did not pass (a diagnostic, not a probability)
 * @param originalId the earlier article (for a partial copy of the same time, the longer one)
 * @param copyId     the later article (for a partial copy of the same time, the shorter one)
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

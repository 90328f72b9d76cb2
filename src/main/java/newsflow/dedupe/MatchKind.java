package newsflow.dedupe;

/** What {@link Verifier} found between two articles. */
public enum MatchKind {
    /** Not related (or not enough text to tell). */
    NONE,
    /** Same normalised body: drop the copy. */
    EXACT,
    /** Same text with small differences (chrome, truncation, edits, paragraphs): drop the copy. */
    NEAR,
    /** Reworded or condensed from the original: keep, link, same story. */
    REWRITE;

    /** True for the kinds whose copy is dropped. */
    public boolean isDuplicate() {
        return this == EXACT || this == NEAR;
    }
}

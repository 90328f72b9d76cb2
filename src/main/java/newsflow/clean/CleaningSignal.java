package newsflow.clean;

/**
 * The clean stage's signals beyond its core (parse, prose-against-chrome scoring, link-dense
 * runs), each of which can be switched off for its ablation ({@link CleaningPolicy#without},
 * {@code ./newsflow eval extraction --without SIGNAL}). Every one stays only while it helps on
 * the validation parts (BENCHMARKS.md).
 */
public enum CleaningSignal {
    /** Class and id names that say chrome (share, related, comments, ads; captions, bylines). */
    CLASS_HINTS,
    /** Hidden elements: {@code hidden}, {@code aria-hidden}, hiding styles and utility classes. */
    HIDDEN_ELEMENTS,
    /** Semantic containers: {@code article}, {@code main}, article-body names boost and widen the container. */
    SEMANTIC_CONTAINERS,
    /** A container that is a list of story teasers makes the page an index page. */
    TEASER_LISTS,
    /** The publisher's JSON-LD {@code articleBody} when the page yields much less. */
    JSON_LD_BODY,
    /** A list after a "More ... stories" heading is related links. */
    RELATED_LISTS,
    /** One-line chrome: notices, labels, newsletter pleas, copyright. */
    CHROME_LINES,
    /** The headline repeated above or in the story. */
    HEADLINES,
    /** Photo captions ending in a credit. */
    CAPTIONS,
    /** Byline, date and reading-time lines. */
    BYLINE_AND_DATE_LINES,
    /** The learned paragraph model ({@link ParagraphModel}). */
    PARAGRAPH_MODEL
}

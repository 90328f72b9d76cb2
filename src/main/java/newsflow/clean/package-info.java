/**
 * Main-content extraction (a library without Kafka types; its stage adapter is
 * {@code newsflow.clean.stage}): turns one {@link newsflow.ingest.RawPage} into a {@link newsflow.core.CleanArticle}
 * (main text plus metadata) or rejects it with an {@link newsflow.clean.UnusablePageException}.
 *
 * <h2>Design</h2>
 *
 * <p>{@link newsflow.clean.ArticleCleaner} is the facade; {@link newsflow.clean.CleaningPolicy}
 * holds the limits. Each step is a small class with one job, run in this order:
 *
 * <ol>
 *   <li><b>Guard</b> ({@link newsflow.clean.InputGuard}): reject pages over
 *       {@code maxPageBytes} and binary payloads (NUL and control bytes) before any parsing.
 *       A {@link newsflow.clean.Deadline} is started; every later loop checks it, so no page
 *       can keep a thread longer than the policy's time budget.</li>
 *   <li><b>Parse</b> (jsoup, HTML only). The metadata walk also measures DOM depth; deeper than
 *       {@code maxDomDepth} is rejected (all traversals are iterative, so nothing overflows, but
 *       the limit keeps the cost of a hostile page bounded and the reason explicit).</li>
 *   <li><b>Metadata</b> ({@link newsflow.clean.HtmlMetadata}) from the whole page, before pruning:
 *       JSON-LD ({@code NewsArticle}/{@code Article}/... : headline, datePublished, author,
 *       publisher, articleBody), OpenGraph and {@code article:*} meta tags, {@code itemprop}
 *       microdata, {@code <time datetime>}, {@code <title>} (with the site suffix cut off),
 *       {@code <html lang>}. Dates go through {@link newsflow.clean.PublicationDates}: parsed to
 *       ISO, and rejected when in the future relative to {@code fetchedAt}. Dates are never
 *       scraped from script code; only JSON-LD (declared structured data) is read from scripts.</li>
 *   <li><b>Prune</b> ({@link newsflow.clean.DomPruner}): drop elements that are never story text
 *       (script, style, forms, nav, aside, footer, figure captions, hidden elements and hidden
 *       utility classes, microdata date/author elements) and blocks whose class/id name chrome
 *       ({@link newsflow.clean.ClassHints}). Strong hints (share, related, newsletter, comments,
 *       cookie, ad, author box, ...) always remove; weak hints (caption, widget, card, header,
 *       meta, ...) remove only blocks that are not prose-rich and hold no block quote (so a
 *       recipe card or an embedded post inside the story stays). Nothing that holds half of the
 *       page's prose is removed (a guard against {@code <body class="has-sidebar">}). A
 *       {@code <header>} inside an {@code article} or {@code main} is the story's own (its
 *       lede), not the site's, and stays; in the classes a CMS gives a published entry
 *       ({@code hentry}, or {@code type-post status-publish}) the {@code category-} and
 *       {@code tag-} names are topics and give no hint.</li>
 *   <li><b>Score</b> ({@link newsflow.clean.ContentScorer}): one post-order pass splits the text
 *       into runs at block boundaries and classifies each run as prose (long enough, sentence
 *       punctuation, low link density) or chrome. Every element gets
 *       {@code score = prose - PENALTY * chrome}, boosted for semantic containers
 *       ({@code article}, {@code main}, {@code itemprop=articleBody}, positive class hints).
 *       Chrome is split in two: link-dense text costs much ({@code 0.8}), short plain text
 *       (cells, list items, labels) little ({@code 0.1}), so tables and lists in the story do not
 *       push the container away. The best-scoring element is the article container: the
 *       tightest node that holds most of the prose and little else (a maximum-subtree search;
 *       paragraph clustering in effect). It is widened to an enclosing element that declares
 *       itself the body ({@code itemprop=articleBody}, article-body class names) unless that
 *       element is mostly links. A container whose prose sits mostly in six or more alike
 *       siblings that each carry a headline link is a list of teasers: an index page, rejected.</li>
 *   <li><b>Emit</b> ({@link newsflow.clean.BlockTextEmitter}): walk the container, one paragraph per
 *       block (p, headings, list items, table cells, block quotes, pre, br-separated runs), drop
 *       link-dense runs (but keep long linked sentences), the headline, bylines, date and
 *       reading-time labels, photo captions ending in a credit, lists that follow a
 *       "More ... stories" heading, and boilerplate one-liners ({@link newsflow.clean.ChromeLines}).</li>
 *   <li><b>Judge</b> ({@link newsflow.clean.ParagraphModel}, learned): each paragraph the
 *       emitter kept is scored from its {@link newsflow.clean.ParagraphFeatures} (form, markup
 *       below the container, position among the paragraphs) by gradient-boosted trees trained
 *       on the tuning pages of both extraction benchmarks ({@code training/paragraphs/}), and
 *       dropped below the model's threshold. It only removes; {@code CleaningPolicy.paragraphModel}
 *       switches it off for its ablation.</li>
 *   <li><b>Fallback</b>: when JSON-LD {@code articleBody} is more than twice as long as what the
 *       DOM yielded (script-rendered pages), use it (as text, or through the emitter when it holds
 *       HTML). Below {@code minBodyChars}: "no article body found".</li>
 *   <li><b>Plain text</b> ({@link newsflow.clean.PlainTextCleaner}): scraped text goes line by
 *       line: icon-label runs, widget and loading text, newsletter/ad-blocker pleas, comment
 *       forms, follow/share lines, photo captions ending in a parenthesised credit (and the alt
 *       text line just before them) are chrome; title, byline and date lines at the top are
 *       read as metadata and not kept in the body. All rules are patterns of chrome, never
 *       strings of particular pages. A plain-text input keeps whatever story text is left,
 *       however short (a brief, a results line): {@code minBodyChars} is a signal for HTML index
 *       pages only; only a text with nothing left is "no article body found".</li>
 *   <li><b>Normalise</b> ({@link newsflow.clean.TextNormalizer}): NFC, whitespace collapsed inside
 *       paragraphs, paragraphs separated by one blank line, the title not repeated.</li>
 *   <li><b>Language</b> ({@link newsflow.clean.LanguageIdentifier}): the script first, then
 *       Lingua's trigram models of that script's common news languages, scored by
 *       {@link newsflow.clean.TrigramScorer} on a bounded sample of prose words; the page's
 *       declared language is only a fallback.</li>
 * </ol>
 *
 * <p>Helpers the steps share, all for speed with the same output: {@link newsflow.clean.TreeWalk}
 * (a read-only depth-first walk; one walk of the page serves both the metadata reader and the
 * pre-pruning measure of the body's block runs), {@link newsflow.clean.BlockRuns} (the block runs
 * of a walk; the walk that scores the pruned body is recorded, and the emitter replays the
 * container's part of it instead of walking the container again), {@link newsflow.clean.Attrs} (attribute reads by their
 * lower-case names), {@link newsflow.clean.LeadingChars} (skips an anchored pattern when the
 * line's first character cannot begin a match) and {@link newsflow.clean.FragmentSet} (many
 * substrings found in one pass). The clean stage's speed is measured against Jsoup's parse of
 * the same pages ({@code newsflow.bench.CleanBenchmark}); a change meant for speed is checked
 * for the same output on both extraction benchmarks ({@code newsflow.bench.CleanOutputs}).
 *
 * <p>All classes are thread-safe and hold no per-page state outside one call.
 */
package newsflow.clean;

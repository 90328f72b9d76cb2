package newsflow.clean;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import newsflow.core.CleanArticle;
import newsflow.ingest.RawPage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The clean stage: turns a {@link RawPage} (HTML or scraped text) into a {@link CleanArticle}
 * holding the story text and its metadata, or rejects it.
 *
 * <p>Thread-safe and reusable: one instance per application, shared by all stream threads.
 * The input page is not modified. Every page ends within the policy's time budget, either
 * as an article or as an {@link UnusablePageException} whose message is the plain reason
 * (it becomes the dead-letter reason).
 *
 * <pre>{@code
 * ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults());
 * CleanArticle article = cleaner.clean(RawPage.ofHtml(url, html));
 * }</pre>
 */
public final class ArticleCleaner {

    private final CleaningPolicy policy;
    private final ParagraphModel paragraphModel;

    /**
     * Reads the language models and (when the policy wants it) the paragraph model, and builds
     * the text normaliser's table, once per JVM: a model missing from the classpath fails here,
     * not on the first page.
     *
     * @throws IllegalStateException when a model cannot be read
     */
    public ArticleCleaner(CleaningPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        LanguageIdentifier.load();
        TextNormalizer.load();
        this.paragraphModel = policy.paragraphModel() ? ParagraphModel.shipped() : null;
    }

    /**
     * Cleans one page.
     *
     * @throws UnusablePageException when the page is too large, binary, too deeply nested, too
     *                               slow to clean, or holds no article body
     */
    public CleanArticle clean(RawPage page) {
        Objects.requireNonNull(page, "page");
        InputGuard.check(page.body(), policy.maxPageBytes());
        Deadline deadline = Deadline.start(policy.timeBudget());
        Instant fetchedAt = PublicationDates.instantOf(page.fetchedAt());
        return page.isHtml() ? cleanHtml(page, fetchedAt, deadline) : cleanText(page, fetchedAt, deadline);
    }

    private CleanArticle cleanHtml(RawPage page, Instant fetchedAt, Deadline deadline) {
        Parsed parsed = parse(page, fetchedAt, deadline);
        HtmlMetadata meta = parsed.meta();
        List<String> paragraphs = HtmlArticleExtractor.extract(parsed.doc(), meta, parsed.unpruned(), deadline,
                paragraphModel, policy);
        String title = firstNonNull(page.title(), meta.title());
        String text = body(paragraphs, title, policy.minBodyChars());
        String siteName = meta.siteName() != null && meta.siteName().matches("(?i)^https?://.*")
                ? HtmlMetadata.hostOf(meta.siteName()) : meta.siteName();
        String source = HtmlMetadata.firstNonBlank(page.source(), siteName, HtmlMetadata.hostOf(page.url()));
        String published = firstNonNull(scraperDate(page, fetchedAt), meta.publishedAt());
        return new CleanArticle(page.url(), title, meta.byline(), published, source,
                LanguageIdentifier.detect(text, firstNonNull(page.language(), meta.language())), text);
    }

    /**
     * For training and studying the paragraph model: the paragraphs the rules keep in the story
     * container of an HTML page, each with its {@link ParagraphFeatures} (named by
     * {@link ParagraphFeatures#NAMES}); empty for a page without a container.
     *
     * @throws IllegalArgumentException when the page is not HTML
     * @throws UnusablePageException    as {@link #clean} would, before the paragraphs are judged
     */
    public List<ParagraphFeatures.Sample> paragraphSamples(RawPage page) {
        Objects.requireNonNull(page, "page");
        if (!page.isHtml()) {
            throw new IllegalArgumentException("paragraph samples need an HTML page: " + page.url());
        }
        InputGuard.check(page.body(), policy.maxPageBytes());
        Deadline deadline = Deadline.start(policy.timeBudget());
        Parsed parsed = parse(page, PublicationDates.instantOf(page.fetchedAt()), deadline);
        BlockRuns.Recording scored = new BlockRuns.Recording();
        Element container = HtmlArticleExtractor.container(parsed.doc(), parsed.unpruned(), deadline, policy,
                scored);
        if (container == null) {
            return List.of();
        }
        List<ParagraphFeatures.Candidate> candidates = BlockTextEmitter.candidates(container, parsed.meta().title(),
                deadline, policy, scored);
        float[][] features = ParagraphFeatures.of(candidates, container);
        List<ParagraphFeatures.Sample> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            out.add(new ParagraphFeatures.Sample(candidates.get(i).text(), features[i]));
        }
        return out;
    }

    /** A parsed page, its metadata, and its body scored before pruning. */
    private record Parsed(Document doc, HtmlMetadata meta, ContentScorer unpruned) {
    }

    /**
     * Parses an HTML page, reads its metadata and scores its body for the pruning (one walk),
     * refusing markup nested too deeply.
     */
    private Parsed parse(RawPage page, Instant fetchedAt, Deadline deadline) {
        Document doc = HtmlParsers.parse(page.html(), page.url());
        deadline.check();
        HtmlArticleExtractor.Measured measured = HtmlArticleExtractor.measure(doc, policy);
        HtmlMetadata meta = HtmlMetadata.read(measured.signals(), page.url(), fetchedAt);
        if (meta.domDepth() > policy.maxDomDepth()) {
            throw new UnusablePageException("markup nested too deeply: depth " + meta.domDepth()
                    + " > limit " + policy.maxDomDepth());
        }
        deadline.check();
        return new Parsed(doc, meta, measured.unpruned());
    }

    private CleanArticle cleanText(RawPage page, Instant fetchedAt, Deadline deadline) {
        PlainTextCleaner.Result r = PlainTextCleaner.clean(page.text(), fetchedAt, deadline);
        String title = firstNonNull(page.title(), r.title());
        // A scraper's plain text is the story it chose, however short (a brief, a results line):
        // the minimum length is a signal for HTML index pages only.
        String text = body(r.paragraphs(), title, 1);
        String source = HtmlMetadata.firstNonBlank(page.source(), HtmlMetadata.hostOf(page.url()));
        String published = firstNonNull(scraperDate(page, fetchedAt), r.publishedAt());
        return new CleanArticle(page.url(), title, r.byline(), published, source,
                LanguageIdentifier.detect(text, page.language()), text);
    }

    /** Joins paragraphs, leaves out a leading copy of the title, enforces the minimum length. */
    private static String body(List<String> paragraphs, String title, int minChars) {
        String text = TextNormalizer.join(paragraphs);
        if (title != null) {
            String t = TextNormalizer.paragraph(title);
            if (!t.isEmpty() && text.startsWith(t + "\n\n")) {
                text = text.substring(t.length() + 2);
            }
        }
        if (text.isBlank()) {
            throw new UnusablePageException("no article body found: no story text left after cleaning");
        }
        if (text.length() < minChars) {
            throw new UnusablePageException("no article body found (index page?): " + text.length()
                    + " characters of story text < minimum " + minChars);
        }
        return text;
    }

    /** The scraper's own publication date, if it parses and is not in the future. */
    private static String scraperDate(RawPage page, Instant fetchedAt) {
        return page.publishedAt() == null ? null
                : PublicationDates.parse(page.publishedAt(), fetchedAt).orElse(null);
    }

    private static String firstNonNull(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}

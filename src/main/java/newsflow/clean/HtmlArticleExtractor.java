package newsflow.clean;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Finds the story text of a parsed HTML page: measure, prune chrome, pick the best container,
 * emit its paragraphs. Falls back to the publisher's JSON-LD {@code articleBody} when the DOM
 * yields much less. Stateless and thread-safe; mutates the document it is given.
 */
final class HtmlArticleExtractor {

    /** Use JSON-LD articleBody when it is this many times longer than what the DOM gave. */
    private static final double ARTICLE_BODY_FALLBACK_RATIO = 2.0;

    private HtmlArticleExtractor() {
    }

    /**
     * The body paragraphs of {@code doc}, whose body {@link #measure} scored as {@code unpruned},
     * judged by {@code model} when it is not null; may be empty when the page has no story. The
     * publisher's JSON-LD body, when used, is taken whole.
     */
    static List<String> extract(Document doc, HtmlMetadata meta, ContentScorer unpruned, Deadline deadline,
            ParagraphModel model, CleaningPolicy policy) {
        BlockRuns.Recording scored = new BlockRuns.Recording();
        Element container = container(doc, unpruned, deadline, policy, scored);
        List<ParagraphFeatures.Candidate> candidates = container == null ? List.of()
                : BlockTextEmitter.candidates(container, meta.title(), deadline, policy, scored);
        String ld = meta.articleBody();
        // Against what the rules found: the model trimming a story must not switch it to JSON-LD.
        if (ld != null && policy.uses(CleaningSignal.JSON_LD_BODY)
                && ld.length() > ARTICLE_BODY_FALLBACK_RATIO * length(candidates)) {
            return structuredBody(ld, meta.title(), deadline);
        }
        return BlockTextEmitter.judge(candidates, container, model);
    }

    /** A page read once: its metadata signals, and its body scored before pruning. */
    record Measured(HtmlMetadata.Signals signals, ContentScorer unpruned) {
    }

    /**
     * Reads the parsed page in one walk: the metadata signals of the whole document, and the
     * block runs of its body scored for the pruning ({@link #container} takes them); one walk
     * instead of two over the largest part of the page. The walk does not check the page's
     * deadline, as the metadata walk it joins never did: its work per node is constant, and a
     * page nested too deeply must be refused for its depth (which this walk measures) whatever
     * the time. Its cost is bounded as the parse's is, by the page's size.
     */
    static Measured measure(Document doc, CleaningPolicy policy) {
        HtmlMetadata.Signals signals = new HtmlMetadata.Signals();
        Element body = doc.body(); // jsoup gives every document a body
        ContentScorer unpruned = ContentScorer.listener(policy.uses(CleaningSignal.SEMANTIC_CONTAINERS));
        BlockRuns runs = BlockRuns.visitor(body, unpruned, Deadline.NONE, null);
        TreeWalk.walk(doc, signals, body, runs);
        runs.finish();
        return new Measured(signals, unpruned);
    }

    /**
     * The story container after pruning, or {@code null} when the page has no text.
     * {@code unpruned} is the body scored by {@link #measure} on this document, not changed
     * since (the pruning reads it); the walk that scores the pruned body is kept in
     * {@code scored}, for the emitter to replay.
     *
     * @throws UnusablePageException when the main block is a list of story teasers
     */
    static Element container(Document doc, ContentScorer unpruned, Deadline deadline, CleaningPolicy policy,
            BlockRuns.Recording scored) {
        Element body = doc.body(); // jsoup gives every document a body
        boolean semantic = policy.uses(CleaningSignal.SEMANTIC_CONTAINERS);
        DomPruner.prune(body, unpruned, deadline, policy);
        ContentScorer after = ContentScorer.score(body, deadline, semantic, scored);
        Element container = after.container();
        if (container != null && policy.uses(CleaningSignal.TEASER_LISTS) && after.isTeaserList(container)) {
            throw new UnusablePageException("no article body found (index page?): the main block is a list of story teasers");
        }
        return container;
    }

    /** Normalised paragraphs of a JSON-LD articleBody, which may be plain text or (escaped) HTML. */
    static List<String> structuredBody(String body, String title, Deadline deadline) {
        if (body.indexOf('<') >= 0 && body.indexOf('>') > body.indexOf('<')) {
            Document fragment = Jsoup.parseBodyFragment(body);
            return BlockTextEmitter.emit(fragment.body(), title, deadline);
        }
        List<String> paragraphs = new ArrayList<>();
        for (String line : Parser.unescapeEntities(body, false).split("\\R+")) {
            paragraphs.add(TextNormalizer.paragraph(line));
        }
        return paragraphs;
    }

    private static int length(List<ParagraphFeatures.Candidate> paragraphs) {
        int n = 0;
        for (ParagraphFeatures.Candidate p : paragraphs) {
            n += p.text().length();
        }
        return n;
    }
}

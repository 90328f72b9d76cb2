package newsflow.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.clean.UnusablePageException;
import newsflow.ingest.RawPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the extraction benchmarks cannot show: how often a page with <em>no story</em> still
 * comes out as an article. A news firehose carries many such pages (section fronts, pages whose
 * story is drawn by script, paywall and consent walls), and each one the clean stage accepts
 * sends its chrome (a site blurb, a legal notice, comments) downstream as news.
 *
 * <p>Every page of a benchmark that the default clean stage accepts is made story-less: the
 * elements whose whole text is one of the story's paragraphs (as the default stage extracts
 * them) are removed, and with them their nearest common ancestor when that holds little else
 * (the story's container, as a script-drawn page leaves it empty), and the JSON-LD. The page
 * is then cleaned with the policy under test; an accepted page is a false acceptance. The
 * story-less pages are the same for every policy (they depend on the default stage only), so
 * figures compare signals and builds. Some acceptances are remnants of the story that the
 * stripping missed (a caption, a lede written outside the container): read the figure as an
 * upper bound on chrome let through, lower is better, not as an absolute rate.
 */
public final class StorylessEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The common ancestor goes too when its text is at most this many times the story's. */
    private static final double CONTAINER_SLACK = 1.5;

    private StorylessEvaluation() {
    }

    /** Counts of one part: story-less pages made, and those the policy accepted. */
    record Counts(int pages, int accepted) {

        Counts plus(boolean accepted) {
            return new Counts(pages + 1, this.accepted + (accepted ? 1 : 0));
        }
    }

    /**
     * Runs over the pages of either benchmark: {@code pages} maps page id to HTML.
     *
     * @return 0
     */
    static int run(Map<String, String> pages, CleaningPolicy policy, PrintStream out) {
        ArticleCleaner reference = new ArticleCleaner(CleaningPolicy.newsDefaults());
        ArticleCleaner tested = new ArticleCleaner(policy);
        Counts tuning = new Counts(0, 0);
        Counts validation = new Counts(0, 0);
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, String> e : pages.entrySet()) {
            String url = "https://bench.example/" + e.getKey();
            String story = accepted(reference, url, e.getValue());
            if (story == null) {
                continue; // no story to take out
            }
            String accepted = accepted(tested, url, withoutStory(e.getValue(), story));
            if (DevelopmentSplit.partOf(e.getKey()).equals(DevelopmentSplit.VALIDATION)) {
                validation = validation.plus(accepted != null);
            } else {
                tuning = tuning.plus(accepted != null);
                if (accepted != null && examples.size() < 5) {
                    examples.add(e.getKey() + ": " + accepted.length() + " characters, \""
                            + accepted.substring(0, Math.min(80, accepted.length())).replace('\n', ' ') + "...\"");
                }
            }
        }
        out.println("story-less pages (each benchmark page that has a story, with the story taken out),");
        out.println("accepted as articles (lower is better; an upper bound: some are story remnants):");
        print(out, "tuning", tuning);
        print(out, "validation", validation);
        out.println("tuning examples:");
        examples.forEach(x -> out.println("  " + x));
        return 0;
    }

    /** The news benchmark's pages ({@code ground-truth.json} ids, {@code html/<id>.html[.gz]}). */
    static Map<String, String> newsPages(Path gold, Path htmlDir) {
        return pages(gold, id -> ExtractionEvaluation.readPage(htmlDir, id));
    }

    /** The web benchmark's pages, each decoded from its own encoding. */
    static Map<String, String> webPages(Path dir) {
        return pages(dir.resolve("segments.json"), id -> WebExtractionEvaluation.html(dir, id));
    }

    /** Reads one page of a benchmark by its id; {@code null} when the benchmark has no file for it. */
    private interface PageReader {
        String html(String id) throws IOException;
    }

    /** The pages whose ids are the field names of the JSON file {@code ids}, in its order. */
    private static Map<String, String> pages(Path ids, PageReader reader) {
        try {
            Map<String, String> pages = new LinkedHashMap<>();
            for (Iterator<String> it = JSON.readTree(ids.toFile()).fieldNames(); it.hasNext(); ) {
                String id = it.next();
                String html = reader.html(id);
                if (html != null) {
                    pages.put(id, html);
                }
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code html} without the elements whose whole text is a paragraph of {@code story} (and
     * their common ancestor when it holds little more than they do), and without JSON-LD.
     */
    static String withoutStory(String html, String story) {
        Set<String> paragraphs = new HashSet<>();
        int storyChars = 0;
        for (String p : story.split("\n\n")) {
            paragraphs.add(WebExtractionEvaluation.normalise(p));
            storyChars += p.length();
        }
        Document doc = Jsoup.parse(html);
        doc.select("script[type=application/ld+json]").remove();
        List<Element> matched = new ArrayList<>();
        for (Element el : doc.body().getAllElements()) {
            // Normalised as the web benchmark's scoring does (white space collapsed, soft hyphens
            // dropped): the cleaner's output has no soft hyphens, the page's text may.
            if (el != doc.body() && paragraphs.contains(WebExtractionEvaluation.normalise(el.text()))
                    && !hasAncestorIn(el, matched)) {
                matched.add(el);
            }
        }
        Element common = commonAncestor(matched);
        if (common != null && common != doc.body()
                && WebExtractionEvaluation.normalise(common.text()).length() <= CONTAINER_SLACK * storyChars) {
            common.remove();
        } else {
            matched.forEach(Element::remove);
        }
        return doc.outerHtml();
    }

    /** Whether an ancestor of {@code el} is one of {@code candidates} (Jsoup elements compare by identity). */
    private static boolean hasAncestorIn(Element el, List<Element> candidates) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (candidates.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static Element commonAncestor(List<Element> elements) {
        if (elements.isEmpty()) {
            return null;
        }
        Element common = elements.get(0);
        for (Element el : elements) {
            while (common != null && !(el == common || hasAncestorIn(el, List.of(common)))) {
                common = common.parent();
            }
        }
        return common;
    }

    /** The text the policy makes of the page, or {@code null} when it rejects it. */
    private static String accepted(ArticleCleaner cleaner, String url, String html) {
        try {
            return cleaner.clean(RawPage.ofHtml(url, html)).text();
        } catch (UnusablePageException rejected) {
            return null;
        }
    }

    private static void print(PrintStream out, String part, Counts c) {
        out.printf(Locale.ROOT, "%-11s %5d pages, %4d accepted (%.1f %%)%n", part, c.pages(), c.accepted(),
                c.pages() == 0 ? 0 : 100.0 * c.accepted() / c.pages());
    }
}

package newsflow.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes elements that are never story text: code, media, forms, navigation, asides,
 * footers, figure captions, hidden elements and elements whose class or id names chrome.
 * Structural chrome is removed only when it does not hold most of the page's prose, so a
 * page that wraps its story in {@code <form>} or {@code <div class="has-sidebar">} keeps it.
 * Mutates the given tree; stateless otherwise.
 */
final class DomPruner {

    /** Never text of the story, whatever they hold. */
    private static final Set<String> ALWAYS = Set.of("script", "style", "noscript", "template", "iframe",
            "svg", "canvas", "button", "input", "select", "textarea", "option", "object", "embed", "video",
            "audio", "source", "picture", "map", "dialog", "link", "meta", "figcaption", "label");
    /**
     * Usually chrome; kept when they hold most of the prose, and a header inside an article or
     * main ({@link #inArticle}).
     */
    private static final Set<String> STRUCTURAL = Set.of("nav", "footer", "aside", "header", "form",
            "figure", "menu");
    /** Microdata properties that mark page metadata (dates, authors), read elsewhere, not story text. */
    private static final Set<String> METADATA_PROPS = Set.of("datepublished", "datemodified", "datecreated",
            "author", "publisher");
    /** Class names that hide an element from sight (utility classes of common CSS frameworks). */
    private static final Set<String> HIDDEN_CLASSES = Set.of("hidden", "hide", "invisible", "sr-only",
            "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only", "offscreen",
            "d-none", "display-none");
    /** An element holding this share of all prose is the story (or holds it), not chrome. */
    private static final double PROTECTED_PROSE_SHARE = 0.5;
    /** Prose an element with a weak chrome hint needs to keep its text. */
    private static final int PROSE_RICH_CHARS = 300;

    private DomPruner() {
    }

    /**
     * Prunes {@code root} in place, using {@code before} (stats of the unpruned tree) and only
     * the signals {@code policy} leaves on.
     */
    static void prune(Element root, ContentScorer before, Deadline deadline, CleaningPolicy policy) {
        boolean hints = policy.uses(CleaningSignal.CLASS_HINTS);
        boolean hidden = policy.uses(CleaningSignal.HIDDEN_ELEMENTS);
        long totalProse = Math.max(1, before.of(root).prose);
        List<Element> remove = new ArrayList<>();
        Map<String, Integer> negativeByNames = new HashMap<>();
        int[] elements = {0}; // counted for the deadline check; a lambda cannot update a local
        // Preorder, as the removals below need; what lies inside an element already marked for
        // removal goes with it, so the walk does not look into it.
        NodeTraversor.filter((node, depth) -> {
            if (!(node instanceof Element el) || el == root) {
                return NodeFilter.FilterResult.CONTINUE;
            }
            if (++elements[0] % 512 == 0) {
                deadline.check();
            }
            if (isChrome(el, before, totalProse, hints, hidden, negativeByNames)) {
                remove.add(el);
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, root);
        for (Element el : remove) {
            el.remove();
        }
    }

    /** Whether to remove {@code el} (not the root): always-chrome tags, and chrome that does not hold most of the prose. */
    private static boolean isChrome(Element el, ContentScorer before, long totalProse, boolean hints, boolean hidden,
            Map<String, Integer> negativeByNames) {
        String tag = el.normalName();
        if (ALWAYS.contains(tag)) {
            return true;
        }
        if (tag.equals("body") || tag.equals("html")) {
            return false;
        }
        Attributes attrs = Attrs.of(el);
        int hint = hints && BlockRuns.BLOCKS.contains(tag) ? negative(attrs, negativeByNames) : ClassHints.NONE;
        boolean structural = STRUCTURAL.contains(tag) && !(tag.equals("header") && inArticle(el));
        boolean chrome = structural || (hidden && isHidden(attrs)) || hint == ClassHints.STRONG
                || METADATA_PROPS.contains(Attrs.get(attrs, "itemprop").toLowerCase(Locale.ROOT))
                || (hint == ClassHints.WEAK && !isProseRich(before.of(el)) && !quotesSomeone(el));
        return chrome && before.of(el).prose < totalProse * PROTECTED_PROSE_SHARE;
    }

    /**
     * Class hints, the class attribute's memoised per page (the same class names repeat on
     * hundreds of elements; ids do not, so theirs is read each time). The hint of both is the
     * stronger of the two: no hint spans the space between them.
     */
    private static int negative(Attributes attrs, Map<String, Integer> memo) {
        if (attrs == null) {
            return ClassHints.NONE;
        }
        String cls = Attrs.className(attrs);
        String id = attrs.get("id");
        int byClass = cls.isEmpty() ? ClassHints.NONE : memo.computeIfAbsent(cls, ClassHints::negative);
        return byClass == ClassHints.STRONG || id.isEmpty() ? byClass : Math.max(byClass, ClassHints.negative(id));
    }

    /**
     * Inside an {@code article} (a header there is the article's own, HTML's sectioning rule) or
     * a {@code main} (by definition the page's own content, not what repeats across the site):
     * such a header introduces the story (its lede), and is not site chrome. Measured: keeping
     * headers in {@code main} too gave web validation 0.918 against 0.916 for articles alone,
     * the same on tuning pages.
     */
    private static boolean inArticle(Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            String t = p.normalName();
            if (t.equals("article") || t.equals("main")) {
                return true;
            }
        }
        return false;
    }

    /** Holds a block quote: embedded posts and pull quotes are part of the story. */
    private static boolean quotesSomeone(Element el) {
        return !el.getElementsByTag("blockquote").isEmpty();
    }

    /** Mostly prose, and enough of it to be story text (a recipe card, a fact box). */
    private static boolean isProseRich(ContentScorer.Stats s) {
        long all = s.prose + s.shortText + s.linkText;
        return s.prose >= PROSE_RICH_CHARS && s.prose * 3 >= all * 2;
    }

    /** Cheap pre-check: every hidden utility class contains one of these fragments. */
    private static boolean mayNameHidden(String cls) {
        return cls.contains("hid") || cls.contains("only") || cls.contains("invisible") || cls.contains("reader")
                || cls.contains("offscreen") || cls.contains("none");
    }

    /**
     * Whether one of the white-space separated names in {@code cls} (as {@code \\s+} splits
     * them) is a hidden utility class; without a regular expression, as this runs on many elements.
     */
    static boolean hasHiddenClass(String cls) {
        int n = cls.length();
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && !TextNormalizer.isRegexSpace(cls.charAt(end))) {
                end++;
            }
            if (end > start && HIDDEN_CLASSES.contains(cls.substring(start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }


    private static boolean isHidden(Attributes attrs) {
        if (attrs == null) {
            return false;
        }
        if (attrs.hasKey("hidden") || attrs.get("aria-hidden").equalsIgnoreCase("true")) {
            return true;
        }
        String cls = Attrs.className(attrs).toLowerCase(Locale.ROOT);
        if (!cls.isEmpty() && mayNameHidden(cls) && hasHiddenClass(cls)) {
            return true;
        }
        String style = attrs.get("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }
}

package newsflow.clean;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Measures, for every block element, how much prose and how much chrome text it holds, and
 * finds the article container: the element with the highest
 * {@code prose - LINK_PENALTY * linkText - SHORT_PENALTY * shortText}. Because chrome counts against a container, the
 * winner is the tightest element that still holds most of the story: wrappers that add menus
 * and footers lose, fragments that miss paragraphs lose. One instance scores one tree; not
 * thread-safe.
 */
final class ContentScorer implements BlockRuns.Listener {

    /** How much a character of link-dense text (menus, link lists) costs against prose. */
    static final double LINK_PENALTY = 0.8;
    /** How much a character of short plain text (labels, cells, list items) costs. */
    static final double SHORT_PENALTY = 0.1;
    /** Semantic article containers get this much more credit for their prose. */
    private static final double SEMANTIC_BOOST = 1.08;

    /** Prose and chrome characters of one element, its subtree included. */
    static final class Stats {
        long prose;
        long shortText;
        long linkText;
        long linkChars;
        /** Link-dense runs of four words or more: headline links. */
        int linkRuns;
    }

    private static final int MAX_WIDEN_HOPS = 6;
    private static final int HEADLINE_LINK_WORDS = 4;
    /** This many alike siblings, each with its own headline link, make a list of teasers. */
    private static final int MIN_TEASERS = 6;
    private static final double DECLARED_BODY_MAX_LINK_SHARE = 0.5;

    /** Sized for a page's blocks (hundreds), which would otherwise grow it five or six times. */
    private final Map<Element, Stats> stats = new IdentityHashMap<>(512);
    private final Deque<Stats> open = new ArrayDeque<>();
    private Element best;
    private double bestScore = Double.NEGATIVE_INFINITY;

    /** Whether semantic containers get their boost ({@link CleaningSignal#SEMANTIC_CONTAINERS}). */
    private final boolean semantic;

    private ContentScorer(boolean semantic) {
        this.semantic = semantic;
    }

    /**
     * A scorer that has seen nothing yet, for a walk shared with another reader of the tree:
     * it scores what {@link BlockRuns#visitor} reports to it.
     */
    static ContentScorer listener(boolean semantic) {
        return new ContentScorer(semantic);
    }

    /**
     * Scores every block element under {@code root}, keeping the walk in {@code recording} when
     * it is not null; without {@code semantic}, semantic containers get no boost and the
     * container is not widened to a declared body.
     */
    static ContentScorer score(Element root, Deadline deadline, boolean semantic, BlockRuns.Recording recording) {
        ContentScorer scorer = new ContentScorer(semantic);
        BlockRuns.walk(root, scorer, deadline, recording);
        return scorer;
    }

    @Override
    public void enter(Element block) {
        Stats s = new Stats();
        stats.put(block, s);
        open.push(s);
    }

    @Override
    public void run(Element block, BlockRuns.Run run) {
        Stats s = open.peek();
        int chars = run.chars();
        int linkChars = run.linkChars();
        if (Prose.isProse(run.words(), run.endsSentence(), chars, linkChars)) {
            s.prose += chars;
        } else if (linkChars > chars * Prose.MAX_PROSE_LINK_DENSITY) {
            s.linkText += chars;
            if (run.words() >= HEADLINE_LINK_WORDS) {
                s.linkRuns++;
            }
        } else {
            s.shortText += chars;
        }
        s.linkChars += linkChars;
    }

    /** The scores need the runs' counts only. */
    @Override
    public boolean readsText() {
        return false;
    }

    @Override
    public void exit(Element block) {
        Stats s = open.pop();
        if (!open.isEmpty()) {
            Stats parent = open.peek();
            parent.prose += s.prose;
            parent.shortText += s.shortText;
            parent.linkText += s.linkText;
            parent.linkChars += s.linkChars;
            parent.linkRuns += s.linkRuns;
        }
        double score = s.prose * (semantic && s.prose > 0 && isSemanticContainer(block) ? SEMANTIC_BOOST : 1.0)
                - LINK_PENALTY * s.linkText - SHORT_PENALTY * s.shortText;
        if (score > bestScore) {
            bestScore = score;
            best = block;
        }
    }

    static boolean isSemanticContainer(Element el) {
        String tag = el.normalName();
        return tag.equals("article") || tag.equals("main")
                || Attrs.get(el, "itemprop").equalsIgnoreCase("articleBody")
                || ClassHints.isPositive(el);
    }

    /** The best-scoring element, or {@code null} when the tree has no text. */
    Element best() {
        return best;
    }

    /**
     * The article container: the best-scoring element, widened to an enclosing element that
     * declares itself the article body ({@code itemprop=articleBody}, article-body class names)
     * unless that element is mostly links. Pages whose story is lists, tables or short lines
     * score low on prose, and the publisher's own markup is then the better guide.
     */
    Element container() {
        if (best == null || !semantic) {
            return best;
        }
        int hops = 0;
        for (Element up = best.parent(); up != null && hops < MAX_WIDEN_HOPS; up = up.parent(), hops++) {
            if (isDeclaredBody(up)) {
                Stats s = of(up);
                return s.linkText <= DECLARED_BODY_MAX_LINK_SHARE * (s.prose + s.shortText) ? up : best;
            }
        }
        return best;
    }

    /**
     * Whether {@code container} is a list of story teasers (an index page): at least
     * {@link #MIN_TEASERS} sibling elements of one tag and class, each with its own headline
     * link, together holding most of the container's prose. Paragraphs of an article are alike
     * siblings too, but they do not each carry a headline link.
     */
    boolean isTeaserList(Element container) {
        Element level = dominantDescendant(container);
        Map<String, long[]> groups = new java.util.HashMap<>();
        for (Element child : level.children()) {
            Stats s = of(child);
            if (s.linkRuns == 0) {
                continue;
            }
            long[] g = groups.computeIfAbsent(child.normalName() + "." + child.className(), k -> new long[2]);
            g[0]++;
            g[1] += s.prose;
        }
        long prose = Math.max(1, of(container).prose);
        for (long[] g : groups.values()) {
            if (g[0] >= MIN_TEASERS && g[1] * 2 >= prose) {
                return true;
            }
        }
        return false;
    }

    /** Descends through wrappers: children that hold nearly all of their parent's prose. */
    private Element dominantDescendant(Element el) {
        Element level = el;
        for (int hops = 0; hops < MAX_WIDEN_HOPS * 2; hops++) {
            long prose = of(level).prose;
            Element next = null;
            for (Element child : level.children()) {
                if (of(child).prose * 10 >= prose * 9) {
                    next = child;
                    break;
                }
            }
            if (next == null || prose == 0) {
                return level;
            }
            level = next;
        }
        return level;
    }

    static boolean isDeclaredBody(Element el) {
        return Attrs.get(el, "itemprop").equalsIgnoreCase("articleBody") || ClassHints.isPositive(el);
    }

    /** Stats of a block element, or empty stats for elements the walk did not see. */
    Stats of(Element el) {
        Stats s = stats.get(el);
        return s != null ? s : new Stats();
    }
}

package newsflow.clean;

import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Reads what class and id attributes say about an element: chrome (share bars, related
 * stories, comments, ads, ...) or content (article body, story text, ...). Names only, no
 * sites. One automaton pass for all fragments and plain word checks rather than regular
 * expressions: this runs on every element of every page. Stateless and thread-safe.
 */
final class ClassHints {

    /** No chrome hint. */
    static final int NONE = 0;
    /** A hint that usually means chrome; prose-rich elements keep their text. */
    static final int WEAK = 1;
    /** A hint that always means chrome. */
    static final int STRONG = 2;

    /** Fragments that are never story: share bars, comments, related lists, ads, consent, navigation. */
    private static final String[] STRONG_FRAGMENTS = {"comment", "disqus", "share", "social", "related",
        "recommend", "newsletter", "subscri", "promo", "advert", "sponsor", "copyright", "cookie", "consent",
        "gdpr", "breadcrumb", "sidebar", "side-bar", "popup", "pop-up", "modal", "overlay", "footer",
        "masthead", "navbar", "navigation", "toolbar", "signup", "sign-up", "outbrain", "taboola", "popular",
        "trending", "most-read", "mostread", "more-stories", "read-more", "readmore", "read-next",
        "pagination", "pager", "skip-link", "skiplink", "visually-hidden", "visuallyhidden", "sr-only",
        "screen-reader", "screenreader", "donate", "login", "author-bio", "authorbio", "author-info",
        "authorinfo", "about-the-author", "ad-slot", "adslot", "ad-unit", "adunit", "ad-container",
        "adcontainer", "inline-link", "inline-promo", "inline-related", "embed-promo", "embedpromo"};
    /** Whole words (between spaces, hyphens, underscores) that are never story. */
    private static final String[] STRONG_WORDS = {"nav", "ad", "ads", "adv", "dfp", "gpt", "author"};
    /** Word prefixes that are never story ("menu", "menu-item", "ad300"). */
    private static final String[] STRONG_PREFIXES = {"menu"};
    /** Fragments that usually mark chrome (captions, bylines, titles) but sometimes wrap story text. */
    private static final String[] WEAK_FRAGMENTS = {"widget", "byline", "caption", "credit", "rating",
        "timestamp", "tag-list", "taglist", "article-title", "articletitle", "post-title", "posttitle",
        "entry-title", "entrytitle", "follow"};
    private static final String[] WEAK_WORDS = {"tag", "tags", "bio", "header", "meta", "date", "card", "cards"};
    private static final String[] WEAK_PREFIXES = {"print", "banner", "headline", "teaser"};
    /** Fragments of names that declare the article body. */
    private static final String[] POSITIVE_FRAGMENTS = {"article-body", "articlebody", "article-content",
        "articlecontent", "story-body", "storybody", "story-content", "storycontent", "post-body", "postbody",
        "post-content", "postcontent", "entry-content", "entrycontent", "body-text", "bodytext", "main-content",
        "maincontent", "rich-text", "richtext", "article-text", "articletext", "story-text", "storytext"};
    private static final String[] POSITIVE_WORDS = {"prose"};
    /** The three fragment lists, searched in one pass: bit 0 strong, bit 1 weak, bit 2 positive. */
    private static final FragmentSet FRAGMENTS = FragmentSet.of(STRONG_FRAGMENTS, WEAK_FRAGMENTS, POSITIVE_FRAGMENTS);
    private static final int STRONG_FRAGMENT = 1 << 0; // FRAGMENTS' first group
    private static final int WEAK_FRAGMENT = 1 << 1; // its second
    private static final int POSITIVE_FRAGMENT = 1 << 2; // its third
    /** The word lists of a chrome hint, strongest first. */
    private static final WordList[] NEGATIVE_WORDS = {new WordList(STRONG_WORDS, false, true, STRONG),
        new WordList(STRONG_PREFIXES, true, false, STRONG), new WordList(WEAK_WORDS, false, false, WEAK),
        new WordList(WEAK_PREFIXES, true, false, WEAK)};
    /** The word list of a content hint (any hint above {@link #NONE} means content). */
    private static final WordList[] CONTENT_WORDS = {new WordList(POSITIVE_WORDS, false, false, WEAK)};

    /**
     * Words a word of the names may be: whole, as a prefix ({@code prefix}: "menu-item"), or
     * followed only by digits ({@code digits}: "ad300"); a match gives {@code hint}.
     */
    private record WordList(String[] words, boolean prefix, boolean digits, int hint) {
    }

    private ClassHints() {
    }

    /** How strongly the element's class and id names say "chrome": {@link #NONE}, {@link #WEAK}, {@link #STRONG}. */
    static int negative(Element el) {
        return negative(names(el));
    }

    /**
     * As {@link #negative(Element)}, for class or id names (any case). Of "A B" it gives the
     * stronger hint of "A" and "B": every fragment and word lies within one name. In the names
     * of a published entry ({@link #isPublishedEntry}) its category and tag names count for nothing.
     */
    static int negative(String rawNames) {
        String names = rawNames.toLowerCase(Locale.ROOT);
        if (isPublishedEntry(names)) {
            names = withoutTopicNames(names);
        }
        if (names.isEmpty()) {
            return NONE;
        }
        int fragments = FRAGMENTS.groupsIn(names);
        if ((fragments & STRONG_FRAGMENT) != 0) {
            return STRONG;
        }
        return Math.max((fragments & WEAK_FRAGMENT) != 0 ? WEAK : NONE, wordHint(names, NEGATIVE_WORDS));
    }

    /**
     * The strongest hint that a word of {@code names} (split at spaces, hyphens and underscores)
     * gets from {@code lists} (strongest first), {@link #NONE} if none matches. It stops at the
     * first list's hint, the strongest there is.
     */
    private static int wordHint(String names, WordList[] lists) {
        int hint = NONE;
        int n = names.length();
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && !isSeparator(names.charAt(end))) {
                end++;
            }
            for (int l = 0; end > start && l < lists.length && lists[l].hint() > hint; l++) {
                if (matchesAny(names, start, end, lists[l])) {
                    hint = lists[l].hint();
                    if (hint == lists[0].hint()) {
                        return hint;
                    }
                }
            }
            start = end + 1;
        }
        return hint;
    }

    private static boolean matchesAny(String names, int start, int end, WordList list) {
        for (String w : list.words()) {
            if (matches(names, start, end, w, list.prefix(), list.digits())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the names are those a content management system gives a published entry
     * (WordPress's {@code post_class()}: {@code hentry}, or a {@code type-*} name with
     * {@code status-publish}), which go on to name the entry's categories and tags.
     */
    private static boolean isPublishedEntry(String names) {
        if (!names.contains("hentry") && !names.contains("status-publish")) {
            return false;
        }
        boolean type = false;
        boolean published = false;
        for (String name : names.split("\\s+")) {
            if (name.equals("hentry")) {
                return true;
            }
            type |= name.startsWith("type-");
            published |= name.equals("status-publish");
        }
        return type && published;
    }

    /**
     * The names less a published entry's category and tag names ({@code category-newsletter},
     * {@code tag-comments}): words of the story's topics, not of chrome. The entry's other names
     * keep their hints ({@code related-post ... hentry} is still chrome).
     */
    private static String withoutTopicNames(String names) {
        StringBuilder kept = new StringBuilder(names.length());
        for (String name : names.split("\\s+")) {
            if (!name.startsWith("category-") && !name.startsWith("tag-")) {
                kept.append(name).append(' ');
            }
        }
        return kept.toString().strip();
    }

    static boolean isPositive(Element el) {
        String names = names(el);
        return !names.isEmpty()
                && ((FRAGMENTS.groupsIn(names) & POSITIVE_FRAGMENT) != 0 || wordHint(names, CONTENT_WORDS) != NONE);
    }

    private static boolean matches(String names, int start, int end, String w, boolean prefix, boolean digits) {
        int len = end - start;
        if (len < w.length() || !names.startsWith(w, start)) {
            return false;
        }
        if (len == w.length() || prefix) {
            return true;
        }
        if (!digits) {
            return false;
        }
        for (int i = start + w.length(); i < end; i++) {
            if (!Character.isDigit(names.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n';
    }

    private static String names(Element el) {
        String cls = Attrs.className(el);
        String id = Attrs.id(el);
        if (cls.isEmpty() && id.isEmpty()) {
            return "";
        }
        return (cls + " " + id).toLowerCase(Locale.ROOT);
    }
}

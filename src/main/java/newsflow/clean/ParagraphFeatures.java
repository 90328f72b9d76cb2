package newsflow.clean;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * The features {@link ParagraphModel} reads for each paragraph the emitter would keep: its
 * form (length, sentence punctuation, capitalised words, digits), where it sits in the
 * markup (its block's tag, list, table and heading ancestors up to the container, class and id
 * hints on the way) and where it sits among the page's paragraphs (position, before the first
 * or after the last long paragraph, its length against the longest). Nothing names a site,
 * a language or a word. Links are the rules' business (the emitter drops link-dense runs but
 * keeps a long sentence whose names are linked); a model that also read link density learned
 * from seven such paragraphs to drop them.
 *
 * <p>The page-context features depend on which paragraphs the rules keep: after changing the
 * emitter or {@link ChromeLines}, rebuild the data and retrain ({@code training/paragraphs/}).
 * Stateless and thread-safe.
 */
public final class ParagraphFeatures {

    /** The feature names, in vector order (the model file lists them too, and is checked). */
    public static final List<String> NAMES = List.of(
            "log_chars", "log_words", "ends_sentence", "capitalised_share", "digit_share",
            "mean_word_length", "sentence_marks_per_word", "commas_per_word",
            "tag_p", "tag_li", "tag_heading", "tag_cell", "tag_quote", "tag_caption", "tag_other",
            "in_list", "in_table", "in_figure", "hint_negative", "hint_positive", "log_depth",
            "position", "before_first_long", "after_last_long", "relative_length",
            "previous_is_long", "next_is_long", "log_paragraphs", "long_share");

    /** A paragraph of at least this many words is "long": story prose rather than a label. */
    static final int LONG_WORDS = 25;

    private ParagraphFeatures() {
    }

    /** A paragraph's text and features, for training and studying the model. */
    public record Sample(String text, float[] features) {
    }

    /** One paragraph as the emitter saw it. */
    record Candidate(String text, Element block, int chars, int linkChars) {
    }

    /** The feature vectors of {@code candidates}, in order, within {@code container}. */
    static float[][] of(List<Candidate> candidates, Element container) {
        int n = candidates.size();
        int[] words = new int[n];
        int longest = 1;
        int firstLong = -1;
        int lastLong = -1;
        int longCount = 0;
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            words[i] = Prose.words(c.text());
            longest = Math.max(longest, c.text().length());
            if (words[i] >= LONG_WORDS) {
                longCount++;
                lastLong = i;
                if (firstLong < 0) {
                    firstLong = i;
                }
            }
        }
        float[][] out = new float[n][];
        Paths paths = new Paths(container);
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            float[] f = new float[NAMES.size()];
            int k = 0;
            String t = c.text();
            f[k++] = (float) Math.log1p(t.length());
            f[k++] = (float) Math.log1p(words[i]);
            f[k++] = Prose.endsSentence(t) ? 1 : 0;
            f[k++] = capitalisedShare(t);
            f[k++] = digitShare(t);
            f[k++] = words[i] == 0 ? 0 : (float) letters(t) / words[i];
            f[k++] = words[i] == 0 ? 0 : (float) count(t, ".!?。！？") / words[i];
            f[k++] = words[i] == 0 ? 0 : (float) count(t, ",;，、") / words[i];
            String tag = c.block().normalName();
            boolean heading = BlockRuns.HEADINGS.contains(tag);
            boolean cell = tag.equals("td") || tag.equals("th");
            boolean quote = tag.equals("blockquote");
            boolean caption = tag.equals("figcaption") || tag.equals("caption");
            f[k++] = tag.equals("p") ? 1 : 0;
            f[k++] = tag.equals("li") ? 1 : 0;
            f[k++] = heading ? 1 : 0;
            f[k++] = cell ? 1 : 0;
            f[k++] = quote ? 1 : 0;
            f[k++] = caption ? 1 : 0;
            f[k++] = !tag.equals("p") && !tag.equals("li") && !heading && !cell && !quote && !caption ? 1 : 0;
            Path path = paths.of(c.block());
            f[k++] = path.inList ? 1 : 0;
            f[k++] = path.inTable ? 1 : 0;
            f[k++] = path.inFigure ? 1 : 0;
            f[k++] = path.hint / 2f;
            f[k++] = path.positive ? 1 : 0;
            f[k++] = (float) Math.log1p(path.depth);
            f[k++] = n <= 1 ? 0 : (float) i / (n - 1);
            f[k++] = firstLong >= 0 && i < firstLong ? 1 : 0;
            f[k++] = lastLong >= 0 && i > lastLong ? 1 : 0;
            f[k++] = (float) t.length() / longest;
            f[k++] = i > 0 && words[i - 1] >= LONG_WORDS ? 1 : 0;
            f[k++] = i + 1 < n && words[i + 1] >= LONG_WORDS ? 1 : 0;
            f[k++] = (float) Math.log1p(n);
            f[k++] = n == 0 ? 0 : (float) longCount / n;
            if (k != f.length) {
                throw new IllegalStateException("computed " + k + " features, NAMES has " + f.length);
            }
            out[i] = f;
        }
        return out;
    }

    /** What the elements from a block up to the container say, combined. */
    private record Path(boolean inList, boolean inTable, boolean inFigure, int hint, boolean positive, int depth) {
    }

    /** {@link Path}s of one container's elements, each element read once (paragraphs share ancestors). */
    private static final class Paths {
        private final Element container;
        private final Map<Element, Path> memo = new IdentityHashMap<>();

        Paths(Element container) {
            this.container = container;
        }

        Path of(Element e) {
            if (e == null || e == container) {
                return new Path(false, false, false, ClassHints.NONE, false, 0);
            }
            Path known = memo.get(e);
            if (known != null) {
                return known;
            }
            // Iterative: collect the unknown elements up to a known one, then fill them top-down.
            Deque<Element> unknown = new ArrayDeque<>();
            Path above = new Path(false, false, false, ClassHints.NONE, false, 0);
            for (Element x = e; x != null && x != container; x = x.parent()) {
                Path p = memo.get(x);
                if (p != null) {
                    above = p;
                    break;
                }
                unknown.push(x);
            }
            while (!unknown.isEmpty()) {
                Element x = unknown.pop();
                String t = x.normalName();
                above = new Path(above.inList || t.equals("li") || t.equals("ul") || t.equals("ol"),
                        above.inTable || t.equals("table"), above.inFigure || t.equals("figure"),
                        Math.max(above.hint, ClassHints.negative(x)), above.positive || ClassHints.isPositive(x),
                        above.depth + 1);
                memo.put(x, above);
            }
            return above;
        }
    }

    /** Share of words that start with a capital letter (menus and teaser headlines: most). */
    private static float capitalisedShare(String t) {
        int words = 0;
        int capitalised = 0;
        boolean start = true;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (Character.isWhitespace(ch)) {
                start = true;
            } else if (start) {
                start = false;
                if (Character.isLetter(ch)) {
                    words++;
                    if (Character.isUpperCase(ch) || Character.isTitleCase(ch)) {
                        capitalised++;
                    }
                }
            }
        }
        return words == 0 ? 0 : (float) capitalised / words;
    }

    private static float digitShare(String t) {
        int digits = 0;
        int nonSpace = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (!Character.isWhitespace(ch)) {
                nonSpace++;
                if (Character.isDigit(ch)) {
                    digits++;
                }
            }
        }
        return nonSpace == 0 ? 0 : (float) digits / nonSpace;
    }

    private static int letters(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLetter(t.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static int count(String t, String marks) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            if (marks.indexOf(t.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }
}

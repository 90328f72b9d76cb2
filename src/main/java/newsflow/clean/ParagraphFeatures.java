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
        Shape[] shapes = new Shape[n];
        int longest = 1;
        int firstLong = -1;
        int lastLong = -1;
        int longCount = 0;
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            shapes[i] = Shape.of(c.text());
            longest = Math.max(longest, c.text().length());
            if (shapes[i].words >= LONG_WORDS) {
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
            Shape shape = shapes[i];
            int words = shape.words;
            f[k++] = (float) Math.log1p(t.length());
            f[k++] = (float) Math.log1p(words);
            f[k++] = shape.endsSentence ? 1 : 0;
            f[k++] = shape.wordStarts == 0 ? 0 : (float) shape.capitalised / shape.wordStarts;
            f[k++] = shape.nonSpace == 0 ? 0 : (float) shape.digits / shape.nonSpace;
            f[k++] = words == 0 ? 0 : (float) shape.letters / words;
            f[k++] = words == 0 ? 0 : (float) shape.sentenceMarks / words;
            f[k++] = words == 0 ? 0 : (float) shape.commas / words;
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
            f[k++] = i > 0 && shapes[i - 1].words >= LONG_WORDS ? 1 : 0;
            f[k++] = i + 1 < n && shapes[i + 1].words >= LONG_WORDS ? 1 : 0;
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

    /**
     * The counts a paragraph's form features are made of, read in one pass over its text, with
     * its words counted in another (it runs on every paragraph of every page).
     */
    private static final class Shape {
        /** {@link Prose#words}. */
        int words;
        /** Whether {@link Prose#endsSentence}. */
        boolean endsSentence;
        /** Letters that start a white-space separated word, and those of them in upper or title case. */
        int wordStarts;
        int capitalised;
        int nonSpace;
        int digits;
        int letters;
        /** {@code . ! ? 。 ！ ？} */
        int sentenceMarks;
        /** {@code , ; ， 、} */
        int commas;

        /** The classes of each ASCII character, as bits: every character of a paragraph is looked up once. */
        private static final byte SPACE = 1;
        private static final byte LETTER = 2;
        private static final byte CAPITAL = 4;
        private static final byte DIGIT = 8;
        private static final byte SENTENCE_MARK = 16;
        private static final byte COMMA = 32;
        private static final byte[] ASCII = new byte[0x80];

        static {
            for (char c = 0; c < 0x80; c++) {
                int k = Prose.isWhitespace(c) ? SPACE : 0;
                if (Prose.isAsciiLetter(c)) {
                    k |= c <= 'Z' ? LETTER | CAPITAL : LETTER;
                } else if (c >= '0' && c <= '9') {
                    k |= DIGIT;
                } else if (c == '.' || c == '!' || c == '?') {
                    k |= SENTENCE_MARK;
                } else if (c == ',' || c == ';') {
                    k |= COMMA;
                }
                ASCII[c] = (byte) k;
            }
        }

        static Shape of(String t) {
            Shape s = new Shape();
            Prose.WordCount words = new Prose.WordCount();
            words.addAll(t);
            // Counted in locals; an ASCII character (most of them) from a table, without a branch
            // that depends on its class, since the classes change at every word's edge.
            int start = 1; // 1 at the start of the text and after white space
            int nonSpace = 0;
            int letters = 0;
            int digits = 0;
            int sentenceMarks = 0;
            int commas = 0;
            int wordStarts = 0;
            int capitalised = 0;
            for (int i = 0; i < t.length(); i++) {
                char ch = t.charAt(i);
                if (ch < 0x80) {
                    int k = ASCII[ch];
                    nonSpace += ~k & SPACE;
                    letters += (k & LETTER) >> 1;
                    digits += (k & DIGIT) >> 3;
                    sentenceMarks += (k & SENTENCE_MARK) >> 4;
                    commas += (k & COMMA) >> 5;
                    int startsWord = start & (k >> 1); // a letter where a word starts
                    wordStarts += startsWord;
                    capitalised += startsWord & (k >> 2);
                    start = k & SPACE;
                    continue;
                }
                if (Prose.isWhitespace(ch)) {
                    start = 1;
                    continue;
                }
                nonSpace++;
                // One category look-up: letters are Lu, Ll, Lt, Lm and Lo; capitals Lu and Lt
                // (no letter has Other_Uppercase); digits Nd. ParagraphFeaturesTest checks this.
                int type = Character.getType(ch);
                boolean letter = type >= Character.UPPERCASE_LETTER && type <= Character.OTHER_LETTER;
                boolean capital = type == Character.UPPERCASE_LETTER || type == Character.TITLECASE_LETTER;
                if (letter) {
                    letters++;
                } else if (type == Character.DECIMAL_DIGIT_NUMBER) {
                    digits++;
                } else if (ch == '。' || ch == '！' || ch == '？') {
                    sentenceMarks++;
                } else if (ch == '，' || ch == '、') {
                    commas++;
                }
                if (start != 0 && letter) {
                    wordStarts++;
                    if (capital) {
                        capitalised++;
                    }
                }
                start = 0;
            }
            s.nonSpace = nonSpace;
            s.letters = letters;
            s.digits = digits;
            s.sentenceMarks = sentenceMarks;
            s.commas = commas;
            s.wordStarts = wordStarts;
            s.capitalised = capitalised;
            s.words = words.words();
            s.endsSentence = Prose.endsSentence(t);
            return s;
        }
    }
}

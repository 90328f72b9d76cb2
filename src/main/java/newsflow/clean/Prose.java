package newsflow.clean;

/**
 * Tells story prose from chrome for one run of text by its form: length, sentence
 * punctuation and link density. Stateless and thread-safe.
 */
final class Prose {

    /** More than this share of characters inside links: navigation, not prose. */
    static final double MAX_LINK_DENSITY = 0.5;
    static final double MAX_PROSE_LINK_DENSITY = 0.35;
    private static final int LONG_WORDS = 15;
    /** Enough characters to be prose even without spaces (CJK scripts). */
    private static final int LONG_CHARS = 110;
    private static final int SENTENCE_WORDS = 6;

    private Prose() {
    }

    /**
     * Whether a run reads as story prose, from its {@link #words}, whether it
     * {@link #endsSentence}, and its non-space characters in all and inside links.
     */
    static boolean isProse(int words, boolean sentenceEnds, int chars, int linkChars) {
        if (linkChars > chars * MAX_PROSE_LINK_DENSITY) {
            return false;
        }
        if (words >= LONG_WORDS || chars >= LONG_CHARS) {
            return true;
        }
        return words >= SENTENCE_WORDS && sentenceEnds;
    }

    /** Space-separated words; in scripts written without spaces, two characters count as one word. */
    static int words(CharSequence text) {
        WordCount count = new WordCount();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            count.add(c, isWhitespace(c));
        }
        return count.words();
    }

    /**
     * {@link #words} counted a character at a time, for text read in pieces (a run of text
     * nodes): the pieces together count as their joined text.
     */
    static final class WordCount {
        private int words;
        private int ideographs;
        private boolean inWord;

        /** Adds the next character; {@code space} is {@link #isWhitespace}{@code (c)}, which the caller has at hand. */
        void add(char c, boolean space) {
            if (c >= 0x3040 && isUnspacedScript(c)) {
                ideographs++;
                inWord = false;
                return;
            }
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }

        /**
         * Adds every character of {@code s}, as {@link #add} would one at a time, and returns how
         * many of them are neither white space nor no-break spaces. One pass over the text that
         * every page's walk reads: ASCII, most of it, is counted without a branch that depends on
         * the character, since a branch taken at every word's edge is hard to predict (the reason
         * assumed; the loop measured 0.4-0.8 of the time of one-at-a-time adding, BENCHMARKS.md).
         */
        int addAll(String s) {
            int n = s.length();
            int counted = 0;
            int w = 0;
            int in = inWord ? 1 : 0;
            int i = 0;
            // The ASCII prefix (the whole of most texts) in a loop of its own: measured faster
            // than the one loop below alone, which tests each character for ASCII as well.
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                int letter = ASCII_SPACE[c] ^ 1; // 1 for a character of a word
                counted += letter;
                w += letter & (in ^ 1);
                in = letter;
            }
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    int letter = ASCII_SPACE[c] ^ 1;
                    counted += letter;
                    w += letter & (in ^ 1);
                    in = letter;
                    continue;
                }
                boolean space = Character.isWhitespace(c);
                if (!space && c != '\u00A0') {
                    counted++;
                }
                if (c >= 0x3040 && isUnspacedScript(c)) {
                    ideographs++;
                    in = 0;
                    continue;
                }
                if (!space && in == 0) {
                    w++;
                }
                in = space ? 0 : 1;
            }
            words += w;
            inWord = in != 0;
            return counted;
        }

        /** The words of the characters added since the last {@link #clear}. */
        int words() {
            return words + ideographs / 2;
        }

        void clear() {
            words = 0;
            ideographs = 0;
            inWord = false;
        }
    }

    /** An ASCII letter, a-z or A-Z: the fast path of the letter checks that run on every character. */
    static boolean isAsciiLetter(int c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /** {@code c} lower-cased when it is an ASCII capital, as it is otherwise. */
    static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * {@link Character#isWhitespace(char)}, answered without its table lookup for ASCII: it runs
     * on every character of every page.
     */
    static boolean isWhitespace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
        }
        return Character.isWhitespace(c);
    }

    /** 1 for an ASCII character that {@link #isWhitespace} accepts, 0 for the others. */
    private static final byte[] ASCII_SPACE = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_SPACE[c] = (byte) (isWhitespace(c) ? 1 : 0);
        }
    }

    /** The last character of {@code s} that is not {@link #isWhitespace white space}, or -1 when there is none. */
    static int lastNonSpace(CharSequence s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (!isWhitespace(c)) {
                return c;
            }
        }
        return -1;
    }

    /** Han, kana and Thai: scripts written without spaces between words. */
    private static boolean isUnspacedScript(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }

    static boolean endsSentence(CharSequence text) {
        int last = lastNonSpace(text);
        return last >= 0 && isSentenceEnd((char) last);
    }

    /** Punctuation that ends a sentence (or a quoted or bracketed one). */
    static boolean isSentenceEnd(char c) {
        return ".!?…:\"”’»)。！？".indexOf(c) >= 0;
    }
}

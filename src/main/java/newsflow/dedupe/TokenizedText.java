package newsflow.dedupe;

/**
 * One body split into word tokens and sentences, with the per-token flags the fingerprint
 * needs.
 *
 * <p>Produced by {@link #of(String, int)} in one pass over the characters, without creating a
 * string per token. Tokens are runs of letters and digits, lower-cased with
 * {@link Character#toLowerCase(int)} (locale-independent); every other character separates
 * tokens. A sentence ends at a line break or at {@code . ! ?} followed by whitespace (a closing
 * quote or bracket in between is allowed). An <i>anchor</i> is a token that carries a digit, or
 * starts with a capital letter while not being the first token of its sentence, and is not a
 * stopword: names and numbers, which synonym spinners leave alone.
 *
 * <p>Not thread-safe to share while being built; immutable in practice afterwards (the arrays
 * are package-private and never written after {@code of} returns).
 */
final class TokenizedText {

    final long[] hashes;
    /** 16-bit code per token: stopword index + 1, or 256 and above for other words. */
    final short[] codes;
    final boolean[] anchor;
    /** Tokens that carry a digit. */
    final boolean[] numeric;
    /** Start token index of each sentence, then {@code size} as a sentinel. */
    final int[] sentenceStarts;
    final int size;
    final int sentences;
    /** Tokens in the whole text, also beyond the cap. */
    final int totalTokens;
    /** Hash of the whole token sequence, also beyond the cap. */
    final long exactHash;

    private TokenizedText(long[] hashes, short[] codes, boolean[] anchor, boolean[] numeric, int size,
                          int[] sentenceStarts, int sentences, int totalTokens, long exactHash) {
        this.totalTokens = totalTokens;
        this.exactHash = exactHash;
        this.hashes = hashes;
        this.codes = codes;
        this.anchor = anchor;
        this.numeric = numeric;
        this.size = size;
        this.sentenceStarts = sentenceStarts;
        this.sentences = sentences;
    }

    boolean isStopword(int i) {
        return (codes[i] & 0xFFFF) < 256;
    }

    private static final byte LETTER = 1;
    private static final byte UNSPACED = 2;
    private static final byte UPPER = 4;
    private static final byte DIGIT = 8;
    private static final byte SPACE = 16;
    /** Character classes of every UTF-16 unit, computed once: one array load per character. */
    private static final byte[] KIND = new byte[65536];
    /** Lower case of every UTF-16 unit ({@link Character#toLowerCase(char)}, locale-independent). */
    private static final char[] LOWER = new char[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            char ch = (char) c;
            byte k = 0;
            if (Character.isLetterOrDigit(ch)) {
                k |= LETTER;
                if (isUnspacedScript(c)) {
                    k |= UNSPACED;
                }
                if (Character.isUpperCase(ch)) {
                    k |= UPPER;
                }
                if (Character.isDigit(ch)) {
                    k |= DIGIT;
                }
            } else if (Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
                k |= SPACE;
            }
            KIND[c] = k;
            LOWER[c] = Character.toLowerCase(ch);
        }
    }

    /**
     * Tokenises {@code text}, keeping at most {@code maxTokens} tokens (the exact hash and the
     * token count cover the whole text).
     */
    static TokenizedText of(String text, int maxTokens) {
        int capacity = Math.min(maxTokens, text.length() / 2 + 1);
        long[] hashes = new long[capacity];
        short[] codes = new short[capacity];
        boolean[] anchor = new boolean[capacity];
        boolean[] numeric = new boolean[capacity];
        int[] starts = new int[16];
        int size = 0;
        int sentences = 0;
        boolean sentencePending = true;
        boolean endPunctSeen = false;
        int total = 0;
        long exact = Hashing.start();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            byte kind = KIND[ch];
            if ((kind & LETTER) == 0 && !Character.isHighSurrogate(ch)) {
                if (ch == '\n' || ch == '\r' || ch == '。' || ch == '！' || ch == '？') {
                    sentencePending = true;
                    endPunctSeen = false;
                } else if (ch == '.' || ch == '!' || ch == '?' || ch == '…') {
                    endPunctSeen = true;
                } else if ((kind & SPACE) != 0 && endPunctSeen) {
                    sentencePending = true;
                    endPunctSeen = false;
                }
                i++;
                continue;
            }
            // "3.5", "U.S": a full stop inside a run of tokens is not a boundary
            endPunctSeen = false;
            int start = i;
            long h = Hashing.start();
            boolean upper = (kind & UPPER) != 0;
            boolean single = (kind & UNSPACED) != 0;
            boolean digit = false;
            while (i < n) {
                char c = text.charAt(i);
                byte k = KIND[c];
                if ((k & LETTER) != 0) {
                    if (((k & UNSPACED) != 0) != single) {
                        break;
                    }
                    digit |= (k & DIGIT) != 0;
                    h = Hashing.step(h, LOWER[c]);
                    i++;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(i + 1));
                    if (!Character.isLetterOrDigit(cp) || isUnspacedScript(cp) != single) {
                        break;
                    }
                    int lower = Character.toLowerCase(cp);
                    h = Hashing.step(Hashing.step(h, Character.highSurrogate(lower)), Character.lowSurrogate(lower));
                    i += 2;
                } else {
                    break;
                }
                if (single) {
                    break;
                }
            }
            if (i == start) {
                // a lone surrogate or a symbol outside the BMP: a separator
                i++;
                continue;
            }
            h = Hashing.mix(h);
            total++;
            exact = exact * Hashing.GOLDEN + h;
            if (size == capacity) {
                continue;
            }
            if (sentencePending) {
                if (sentences + 1 >= starts.length) {
                    starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                }
                starts[sentences++] = size;
                sentencePending = false;
            }
            int stop = Stopwords.code(h);
            hashes[size] = h;
            codes[size] = (short) (stop != 0 ? stop : 256 + (int) (((h >>> 32) * 65280) >>> 32));
            numeric[size] = digit;
            anchor[size] = stop == 0 && (digit || (upper && starts[sentences - 1] != size));
            size++;
        }
        if (sentences + 1 > starts.length) {
            starts = java.util.Arrays.copyOf(starts, sentences + 1);
        }
        starts[sentences] = size;
        return new TokenizedText(hashes, codes, anchor, numeric, size, starts, sentences, total,
                Hashing.mix(exact ^ total));
    }

    /**
     * Scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar): each character is
     * a token, so that shingles still cover a few characters rather than a whole sentence.
     */
    static boolean isUnspacedScript(int cp) {
        return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F)
                || (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x20000 && cp <= 0x2FA1F);
    }
}

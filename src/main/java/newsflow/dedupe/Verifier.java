package newsflow.dedupe;

import java.util.Arrays;
import java.util.Objects;

/**
 * Decides what two fingerprints are to each other: EXACT, NEAR, REWRITE or NONE.
 *
 * <p>Deterministic and symmetric: {@code verify(a, b)} equals {@code verify(b, a)}; the
 * original is the earlier article in canonical order ({@link Fingerprint#precedes}), except for
 * a partial copy of the same time as its source, whose original is the longer text. Thread-safe
 * (holds only the immutable tuning); does not modify the fingerprints.
 *
 * <p>Steps, cheapest first:
 * <ol>
 *   <li>equal exact hash and token count: EXACT;</li>
 *   <li>under 30% of the smaller text's distinct content words in the other: NONE (neither a
 *       near duplicate nor a rewrite can share so few);</li>
 *   <li>exact word-shingle sets from the stored token codes: Jaccard {@code J} and containment
 *       {@code C} of the smaller set in the larger; NEAR when {@code J >= nearJaccard} or
 *       {@code C >= nearContainment};</li>
 *   <li>partial syndication: the later, shorter text holds the earlier one's opening (see
 *       {@code partialCopyScore}); NEAR; for two texts of the same time the longer is the
 *       original;</li>
 *   <li>order-preserving sentence alignment on content words: REWRITE when the aligned chain
 *       covers at least {@code rewriteScore} of the shorter text's content words and has at
 *       least {@code minAlignedSentences} sentences (fewer when the shorter text has fewer).</li>
 * </ol>
 * Texts under {@code minTokens} tokens are only ever EXACT.
 */
public final class Verifier {

    /** Fewest content words two sentences must share to align. */
    private static final int MIN_SHARED_WORDS = 3;
    /** Below this content-word containment two texts are not compared sentence by sentence. */
    private static final double MIN_CONTENT_CONTAINMENT = 0.3;
    /** Share of the shorter text's content words that must lie in reworded aligned sentences. */
    private static final double MIN_REWORDED_SHARE = 0.2;
    /** Sentences with fewer content words take no part in the alignment. */
    private static final int MIN_SENTENCE_WORDS = 4;

    private final DedupeTuning tuning;

    public Verifier(DedupeTuning tuning) {
        this.tuning = Objects.requireNonNull(tuning, "tuning");
    }

    /**
     * A fingerprint with the sets the verifier derives from it (shingles, content words,
     * sentence word sets), computed on first use and kept. Prepare the incoming article once and
     * verify it against each candidate, rather than deriving its sets again for every pair.
     * Not thread-safe: confine an instance to one thread.
     */
    public static final class Prepared {
        private final Fingerprint fingerprint;
        private final int shingleSize;
        private long[] shingles;
        private int[] contentWords;
        private long[] contentBits;
        private int[][] sentenceWords;
        private long[] sentencePostings;

        private Prepared(Fingerprint fingerprint, int shingleSize) {
            this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
            this.shingleSize = shingleSize;
        }

        public Fingerprint fingerprint() {
            return fingerprint;
        }

        long[] shingles() {
            if (shingles == null) {
                shingles = shingleSet(fingerprint.tokens(), shingleSize);
            }
            return shingles;
        }

        /** The distinct content words (token codes of 256 and up), in order of first occurrence. */
        int[] contentWords() {
            if (contentWords == null) {
                contentWords = Verifier.contentWords(fingerprint.tokens());
            }
            return contentWords;
        }

        /**
         * The content words as a set of bits over the 16-bit token codes (8 KB): built for the side
         * that is verified against many others (the prober), so that each of them is counted against
         * it in one pass over its own words, without sorting either.
         */
        long[] contentBits() {
            if (contentBits == null) {
                long[] bits = new long[CODE_SPACE / 64];
                for (int code : contentWords()) {
                    bits[code >>> 6] |= 1L << code;
                }
                contentBits = bits;
            }
            return contentBits;
        }

        int[][] sentenceWords() {
            if (sentenceWords == null) {
                sentenceWords = Verifier.sentenceWords(fingerprint);
            }
            return sentenceWords;
        }

        /**
         * Which long sentences hold each content word: {@code code << 32 | sentence}, sorted, for
         * the sentences of at least four words. The alignment counts the
         * words a sentence shares with every sentence of this text in one pass over its own words.
         */
        long[] sentencePostings() {
            if (sentencePostings == null) {
                int[][] sentences = sentenceWords();
                int n = 0;
                for (int[] words : sentences) {
                    n += words.length >= MIN_SENTENCE_WORDS ? words.length : 0;
                }
                long[] postings = new long[n];
                int at = 0;
                for (int j = 0; j < sentences.length; j++) {
                    if (sentences[j].length >= MIN_SENTENCE_WORDS) {
                        for (int code : sentences[j]) {
                            postings[at++] = (long) code << 32 | j;
                        }
                    }
                }
                Arrays.sort(postings);
                sentencePostings = postings;
            }
            return sentencePostings;
        }
    }

    /** Wraps a fingerprint for repeated verification (see {@link Prepared}). */
    public Prepared prepare(Fingerprint f) {
        return new Prepared(f, tuning.shingleSize());
    }

    /** The relation between {@code a} and {@code b}. */
    public Match verify(Fingerprint a, Fingerprint b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return verify(prepare(a), prepare(b));
    }

    /** The relation between {@code pa} and {@code pb}; the same result as for the bare fingerprints. */
    public Match verify(Prepared pa, Prepared pb) {
        Fingerprint a = pa.fingerprint;
        Fingerprint b = pb.fingerprint;
        boolean aFirst = a.precedes(b);
        Prepared original = aFirst ? pa : pb;
        Prepared copy = aFirst ? pb : pa;
        String originalId = original.fingerprint.id();
        String copyId = copy.fingerprint.id();
        if (a.exactHash() == b.exactHash() && a.totalTokens() == b.totalTokens()) {
            return new Match(MatchKind.EXACT, 1.0, originalId, copyId);
        }
        if (a.tokens().length < tuning.minTokens() || b.tokens().length < tuning.minTokens()) {
            return new Match(MatchKind.NONE, 0.0, originalId, copyId);
        }
        // Cheapest test first: texts sharing under 30% of the smaller one's distinct content
        // words can be neither near duplicates (those share nearly all) nor rewrites.
        double words = contentContainment(pa, pb);
        if (words < MIN_CONTENT_CONTAINMENT) {
            return new Match(MatchKind.NONE, words, originalId, copyId);
        }
        double[] overlap = shingleOverlap(pa, pb);
        double jaccard = overlap[0];
        double containment = overlap[1];
        if (jaccard >= tuning.nearJaccard()
                || containment >= tuning.nearContainment() && copyAddsLittle(original, copy)) {
            return new Match(MatchKind.NEAR, Math.max(jaccard, containment), originalId, copyId);
        }
        // Partial syndication: the later text holds the opening of the earlier, longer one. When
        // both carry the same time (pages dated to the day), the longer is the source, not the
        // one with the smaller id; an earlier, shorter text (a stub, then its full story) is
        // not dropped for a later, longer one.
        boolean sameTime = a.eventTime() == b.eventTime();
        boolean originalIsLonger = original.fingerprint.totalTokens() >= copy.fingerprint.totalTokens();
        if (originalIsLonger || sameTime) {
            Prepared whole = originalIsLonger ? original : copy;
            Prepared part = originalIsLonger ? copy : original;
            double partial = partialCopyScore(whole, part);
            if (partial >= 0) {
                return new Match(MatchKind.NEAR, partial, whole.fingerprint.id(), part.fingerprint.id());
            }
        }
        double rewrite = rewriteScore(original, copy);
        if (rewrite >= tuning.rewriteScore()) {
            return new Match(MatchKind.REWRITE, rewrite, originalId, copyId);
        }
        return new Match(MatchKind.NONE, Math.max(Math.max(jaccard, containment), Math.max(rewrite, 0)),
                originalId, copyId);
    }

    /**
     * Partial syndication ({@code copy} is the shorter text): the original's opening (its long
     * sentences from the first on, for as long as the copy holds each of them) has at least
     * {@code minAlignedSentences} sentences and {@code partialCoverage} of the original's long
     * sentences, and at least {@code partialContainment} of the copy's own long sentences lie
     * in that opening (the rest is the outlet's chrome and its own paragraph). Returns the
     * copy's containment, or -1.
     */
    private double partialCopyScore(Prepared original, Prepared copy) {
        double[] f = partialFeatures(original, copy);
        boolean partial = f[0] >= tuning.partialContainment() && f[1] == 1
            && f[2] >= tuning.minAlignedSentences() && f[3] >= tuning.partialCoverage();
        return partial ? f[0] : -1;
    }

    /**
     * Features of the partial-copy test, for diagnostics: {share of the copy's long-sentence
     * shingles found in the original's opening, 1 when the opening is not empty else 0,
     * sentences in the opening, share of the original's long-sentence tokens in the opening}.
     */
    public double[] partialFeatures(Fingerprint original, Fingerprint copy) {
        return partialFeatures(prepare(original), prepare(copy));
    }

    private double[] partialFeatures(Prepared original, Prepared copy) {
        int minLength = tuning.minSentenceTokens();
        // The original's opening: its long sentences from the first on, while the copy has them.
        short[] ot = original.fingerprint.tokens();
        int[] os = original.fingerprint.sentenceStarts();
        long[] opening = new long[ot.length];
        int openingSize = 0;
        long originalContent = 0;
        long openingContent = 0;
        int openingSentences = 0;
        boolean open = true;
        for (int s = 0; s + 1 < os.length; s++) {
            int length = os[s + 1] - os[s];
            if (length < minLength) {
                continue;
            }
            originalContent += length;
            if (open && shareIn(ot, os[s], os[s + 1], copy.shingles()) >= OPENING_SENTENCE_SHARE) {
                openingContent += length;
                openingSentences++;
                openingSize = addShingles(ot, os[s], os[s + 1], opening, openingSize);
            } else {
                open = false;
            }
        }
        long[] openingSet = Arrays.copyOf(opening, openingSize);
        Arrays.sort(openingSet);
        short[] tokens = copy.fingerprint.tokens();
        int[] starts = copy.fingerprint.sentenceStarts();
        long content = 0;
        double contained = 0;
        for (int s = 0; s + 1 < starts.length; s++) {
            int length = starts[s + 1] - starts[s];
            if (length >= minLength) {
                content += length;
                contained += length * shareIn(tokens, starts[s], starts[s + 1], openingSet);
            }
        }
        return new double[] {content == 0 ? 0 : contained / content, openingSentences > 0 ? 1 : 0,
            openingSentences, originalContent == 0 ? 0 : (double) openingContent / originalContent};
    }

    /** Appends the word shingles of {@code tokens[from, to)} to {@code out} from {@code size}; the new size. */
    private int addShingles(short[] tokens, int from, int to, long[] out, int size) {
        int w = tuning.shingleSize();
        for (int i = from; i + w <= to; i++) {
            out[size++] = shingle(tokens, i, w);
        }
        return size;
    }

    private static long shingle(short[] tokens, int at, int w) {
        long h = 0;
        for (int j = 0; j < w; j++) {
            h = h * 65537 + (tokens[at + j] & 0xFFFF);
        }
        return h;
    }

    /** Share of a sentence's shingles the copy must hold for the sentence to count as copied. */
    static final double OPENING_SENTENCE_SHARE = 0.9;

    /** Share of the word shingles of {@code tokens[from, to)} found in the sorted set {@code in}. */
    private double shareIn(short[] tokens, int from, int to, long[] in) {
        int w = tuning.shingleSize();
        int n = to - from - w + 1;
        if (n <= 0) {
            return 0;
        }
        int hits = 0;
        for (int i = from; i < from + n; i++) {
            hits += Arrays.binarySearch(in, shingle(tokens, i, w)) >= 0 ? 1 : 0;
        }
        return (double) hits / n;
    }

    /**
     * Containment makes a copy a near duplicate only when the copy adds little to the original:
     * a truncated copy (smaller than the original) or one with leftover chrome (at most
     * {@value #MAX_CONTAINING_COPY_GROWTH} times its size). A later, much longer article that
     * contains an earlier one (a breaking-news stub and its full story, or a short copy that
     * happened to arrive first) is not dropped: both are kept.
     */
    private static boolean copyAddsLittle(Prepared original, Prepared copy) {
        return copy.shingles().length <= MAX_CONTAINING_COPY_GROWTH * original.shingles().length;
    }

    /** How much longer than its original a copy may be and still be a near duplicate by containment. */
    static final double MAX_CONTAINING_COPY_GROWTH = 2.0;

    /**
     * Jaccard similarity and containment (of the smaller set in the larger) of the two texts'
     * word-shingle sets, exact, from the stored token codes. Public for diagnostics.
     */
    public double[] shingleOverlap(Fingerprint a, Fingerprint b) {
        return shingleOverlap(prepare(a), prepare(b));
    }

    private static double[] shingleOverlap(Prepared a, Prepared b) {
        long[] sa = a.shingles();
        long[] sb = b.shingles();
        int common = intersectionSize(sa, sb);
        return new double[] {(double) common / (sa.length + sb.length - common),
                (double) common / Math.min(sa.length, sb.length)};
    }

    /**
     * Share of the shorter text's content words that lie in an order-preserving chain of aligned
     * sentences, or -1 when the chain is too short or holds too few reworded sentences. Public
     * for diagnostics and calibration.
     */
    public double rewriteScore(Fingerprint original, Fingerprint copy) {
        return rewriteScore(prepare(original), prepare(copy));
    }

    private double rewriteScore(Prepared original, Prepared copy) {
        int[][] so = original.sentenceWords();
        int[][] sc = copy.sentenceWords();
        // The shorter text is aligned into the longer one; ties go to the original, so the
        // result does not depend on the argument order.
        int wo = totalWords(so);
        int wc = totalWords(sc);
        int[][] x = wc < wo ? sc : so;
        int[][] y = wc < wo ? so : sc;
        int wx = Math.min(wo, wc);
        if (wx == 0) {
            return -1;
        }
        long[] postings = (wc < wo ? original : copy).sentencePostings();
        int[] sharedWith = new int[y.length];
        int qualifying = 0;
        int[] target = new int[x.length];
        int[] weight = new int[x.length];
        boolean[] reworded = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            target[i] = -1;
            if (x[i].length < MIN_SENTENCE_WORDS) {
                continue;
            }
            qualifying++;
            // Words shared with each sentence of y: the sizes of the set intersections, all at once
            // (each sentence's codes are distinct, so each shared word counts once).
            Arrays.fill(sharedWith, 0);
            for (int code : x[i]) {
                for (int at = firstPosting(postings, code); at < postings.length && (int) (postings[at] >>> 32) == code; at++) {
                    sharedWith[(int) postings[at]]++;
                }
            }
            double best = 0;
            for (int j = 0; j < y.length; j++) {
                if (y[j].length < MIN_SENTENCE_WORDS) {
                    continue;
                }
                // At most the shorter sentence is shared: skip pairs that could neither beat the
                // best so far nor reach the threshold (the result is the same, much cheaper).
                int most = Math.min(x[i].length, y[j].length);
                double bound = 2.0 * most / (x[i].length + y[j].length);
                if (most < MIN_SHARED_WORDS || bound <= best || bound < tuning.sentenceDice()) {
                    continue;
                }
                int shared = sharedWith[j];
                if (shared < MIN_SHARED_WORDS) {
                    continue;
                }
                double dice = 2.0 * shared / (x[i].length + y[j].length);
                if (dice > best) {
                    best = dice;
                    target[i] = j;
                }
            }
            if (best < tuning.sentenceDice()) {
                target[i] = -1;
            }
            weight[i] = x[i].length;
            reworded[i] = best < 1.0;
        }
        // Heaviest chain with strictly increasing targets: a rewrite says the same things in the
        // same order; a hub sentence full of names must not collect many unrelated sentences.
        long[] chainWeight = new long[x.length];
        int[] chainLength = new int[x.length];
        long[] chainReworded = new long[x.length];
        long bestWeight = 0;
        int bestLength = 0;
        long bestReworded = 0;
        for (int i = 0; i < x.length; i++) {
            if (target[i] < 0) {
                continue;
            }
            int own = reworded[i] ? weight[i] : 0;
            chainWeight[i] = weight[i];
            chainLength[i] = 1;
            chainReworded[i] = own;
            for (int p = 0; p < i; p++) {
                if (target[p] >= 0 && target[p] < target[i] && chainWeight[p] + weight[i] > chainWeight[i]) {
                    chainWeight[i] = chainWeight[p] + weight[i];
                    chainLength[i] = chainLength[p] + 1;
                    chainReworded[i] = chainReworded[p] + own;
                }
            }
            if (chainWeight[i] > bestWeight) {
                bestWeight = chainWeight[i];
                bestLength = chainLength[i];
                bestReworded = chainReworded[i];
            }
        }
        // Identical sentences are evidence of copying, which the shingle test has already
        // weighed; a rewrite needs reworded sentences too, for a fair share of the text. Without
        // this, two articles that share only a site's chrome (menu, share bar, icon captions,
        // footer) would align.
        int needed = Math.min(tuning.minAlignedSentences(), Math.max(1, qualifying));
        if (bestLength < needed || bestReworded < MIN_REWORDED_SHARE * wx) {
            return -1;
        }
        return (double) bestWeight / wx;
    }

    /**
     * Share of the smaller text's distinct content words that the other text holds: a cheap
     * bound that skips the costlier steps for texts that share too few words to be related.
     * Each word of {@code b} is looked up in {@code a}'s bit set (pass the prober as {@code a}).
     */
    static double contentContainment(Prepared a, Prepared b) {
        int[] wa = a.contentWords();
        int[] wb = b.contentWords();
        int smaller = Math.min(wa.length, wb.length);
        if (smaller == 0) {
            return 0;
        }
        long[] inA = a.contentBits();
        int common = 0;
        for (int code : wb) {
            common += (int) (inA[code >>> 6] >>> code) & 1;
        }
        return (double) common / smaller;
    }

    /** Token codes are 16-bit. */
    private static final int CODE_SPACE = 1 << 16;

    /** Scratch set of the codes seen, per thread: cleared after each use. */
    private static final ThreadLocal<long[]> SEEN = ThreadLocal.withInitial(() -> new long[CODE_SPACE / 64]);

    /** The distinct codes of 256 and up in {@code tokens}, in order of first occurrence. */
    private static int[] contentWords(short[] tokens) {
        long[] seen = SEEN.get();
        int[] out = new int[tokens.length];
        int d = 0;
        for (short t : tokens) {
            int code = t & 0xFFFF;
            if (code >= 256 && (seen[code >>> 6] & 1L << code) == 0) {
                seen[code >>> 6] |= 1L << code;
                out[d++] = code;
            }
        }
        for (int i = 0; i < d; i++) {
            seen[out[i] >>> 6] = 0;
        }
        return Arrays.copyOf(out, d);
    }

    /** Index of the first posting of {@code code} in sorted {@code postings}, or where it would be. */
    private static int firstPosting(long[] postings, int code) {
        long key = (long) code << 32;
        int lo = 0;
        int hi = postings.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (postings[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int totalWords(int[][] sentences) {
        int n = 0;
        for (int[] s : sentences) {
            if (s.length >= MIN_SENTENCE_WORDS) {
                n += s.length;
            }
        }
        return n;
    }

    /** Per sentence, the sorted distinct codes of its content words. */
    static int[][] sentenceWords(Fingerprint f) {
        short[] tokens = f.tokens();
        int[] starts = f.sentenceStarts();
        int[][] out = new int[starts.length - 1][];
        int[] buffer = new int[64];
        for (int s = 0; s < out.length; s++) {
            int from = starts[s];
            int to = starts[s + 1];
            if (to - from > buffer.length) {
                buffer = new int[to - from];
            }
            int m = 0;
            for (int i = from; i < to; i++) {
                int code = tokens[i] & 0xFFFF;
                if (code >= 256) {
                    buffer[m++] = code;
                }
            }
            Arrays.sort(buffer, 0, m);
            int d = 0;
            for (int i = 0; i < m; i++) {
                if (i == 0 || buffer[i] != buffer[i - 1]) {
                    buffer[d++] = buffer[i];
                }
            }
            out[s] = Arrays.copyOf(buffer, d);
        }
        return out;
    }

    /** Sorted distinct word shingles over the token codes. */
    static long[] shingleSet(short[] tokens, int w) {
        int n = tokens.length - w + 1;
        if (n <= 0) {
            long[] one = new long[1];
            for (short t : tokens) {
                one[0] = one[0] * 65536 + (t & 0xFFFF);
            }
            return one;
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 0;
            for (int j = 0; j < w; j++) {
                h = h * 65537 + (tokens[i + j] & 0xFFFF);
            }
            out[i] = h;
        }
        Arrays.sort(out);
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[d++] = out[i];
            }
        }
        return Arrays.copyOf(out, d);
    }

    /** Size of the intersection of two sorted arrays of distinct values. */
    public static int intersectionSize(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                n++;
                i++;
                j++;
            }
        }
        return n;
    }
}

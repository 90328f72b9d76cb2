package newsflow.dedupe;

import java.util.Arrays;
import java.util.Objects;

import newsflow.core.CleanArticle;
import newsflow.core.EventTime;

/**
 * Turns an article into its {@link Fingerprint} and a fingerprint into its candidate keys.
 *
 * <p>Thread-safe (holds only the immutable {@link DedupeTuning}); one instance may serve every
 * stream thread. Never modifies its input. See the package documentation for what each key
 * family catches and the S-curve of the bands.
 */
public final class Fingerprinter {

    /** Anchor pairs are sampled at the rate {@code 1 / 2^ANCHOR_SAMPLE_BITS}. */
    static final int ANCHOR_SAMPLE_BITS = 2;

    private final DedupeTuning tuning;

    public Fingerprinter(DedupeTuning tuning) {
        this.tuning = Objects.requireNonNull(tuning, "tuning");
    }

    public DedupeTuning tuning() {
        return tuning;
    }

    /**
     * Fingerprints one article.
     *
     * @param id              the article id (stream key)
     * @param article         the clean article; only {@code text} and {@code publishedAt} are read
     * @param recordTimestamp the record's timestamp (fetch time when the page states no date),
     *                        used when {@code publishedAt} is absent or unparseable
     */
    public Fingerprint fingerprint(String id, CleanArticle article, long recordTimestamp) {
        Objects.requireNonNull(article, "article");
        return fingerprint(id, article.text(), EventTime.millis(article.publishedAt(), recordTimestamp));
    }

    /** Fingerprints a body with a known event time (epoch milliseconds). */
    public Fingerprint fingerprint(String id, String text, long eventTime) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        TokenizedText t = TokenizedText.of(text, tuning.maxTokens());
        short[] tokens = Arrays.copyOf(t.codes, t.size);
        int[] starts = Arrays.copyOf(t.sentenceStarts, t.sentences + 1);
        int[] signature;
        long[] keys;
        if (t.size < tuning.minTokens()) {
            // Too short to tell a copy from a coincidence: EXACT only.
            signature = new int[0];
            keys = new long[0];
        } else {
            signature = OnePermutationMinHash.signature(shingles(t), t.size - tuning.shingleSize() + 1,
                    tuning.signatureSize());
            keys = concat(sentenceKeys(t), anchorKeys(t), wordBandKeys(t));
        }
        return new Fingerprint(id, eventTime, t.totalTokens, t.exactHash, signature, keys, tokens, starts);
    }

    /**
     * All candidate keys of a fingerprint: the shingle bands, then the stored sentence, anchor and
     * content-word keys. Distinct values; empty for texts under {@code minTokens}.
     */
    public long[] candidateKeys(Fingerprint f) {
        int[] sig = f.signature();
        if (sig.length == 0) {
            return new long[0];
        }
        int rows = tuning.rows();
        int bands = sig.length / rows;
        long[] out = new long[bands + f.keys().length];
        for (int b = 0; b < bands; b++) {
            long h = Hashing.mix(b + 1L);
            for (int r = 0; r < rows; r++) {
                h = Hashing.combine(h, sig[b * rows + r] & 0xFFFFFFFFL);
            }
            out[b] = KeyFamily.SHINGLE_BAND.key(h);
        }
        System.arraycopy(f.keys(), 0, out, bands, f.keys().length);
        return out;
    }

    private long[] shingles(TokenizedText t) {
        int w = tuning.shingleSize();
        int n = Math.max(0, t.size - w + 1);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long h = t.hashes[i];
            for (int j = 1; j < w; j++) {
                h = h * Hashing.GOLDEN + t.hashes[i + j];
            }
            out[i] = Hashing.mix(h);
        }
        return out;
    }

    /** Bottom-k sample of whole-sentence hashes, plus the first two long sentences. */
    private long[] sentenceKeys(TokenizedText t) {
        long[] all = new long[t.sentences];
        int n = 0;
        for (int s = 0; s < t.sentences; s++) {
            int from = t.sentenceStarts[s];
            int to = t.sentenceStarts[s + 1];
            if (to - from < tuning.minSentenceTokens()) {
                continue;
            }
            long h = 0x5E47E9CEL;
            for (int i = from; i < to; i++) {
                h = h * Hashing.GOLDEN + t.hashes[i];
            }
            all[n++] = KeyFamily.SENTENCE.key(Hashing.mix(h ^ (to - from)));
        }
        return bottomKPlusLead(all, n, tuning.sentenceKeys());
    }

    /**
     * Fixed-rate sample of anchor pairs: within each sentence, every unordered pair of distinct
     * anchors (names, numbers) at most two anchors apart, kept when its hash falls in the lowest
     * {@code 1 / 2^ANCHOR_SAMPLE_BITS} of the range, at most {@code anchorKeys} of them (the
     * smallest). A paraphrase or a condensed copy keeps many of these pairs ("Dmitry Peskov",
     * "Xi Jinping ... Donald Trump") while its shingles and sentences change. Sampling by hash
     * value, unlike a bottom-k sample, keeps every shared pair with the same probability
     * whatever the lengths of the two texts, so a short condensed copy still meets the long
     * original: seeds 004 and 002 share 53 pairs, about 13 sampled keys, and miss each other
     * with probability {@code (3/4)^53 < 10^-6}.
     */
    private long[] anchorKeys(TokenizedText t) {
        long[] all = new long[Math.max(4, 2 * t.size)];
        long[] row = new long[64];
        int n = 0;
        for (int s = 0; s < t.sentences; s++) {
            int m = 0;
            for (int i = t.sentenceStarts[s]; i < t.sentenceStarts[s + 1] && m < row.length; i++) {
                if (t.anchor[i] && (m == 0 || row[m - 1] != t.hashes[i])) {
                    row[m++] = t.hashes[i];
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = i + 1; j <= i + 2 && j < m; j++) {
                    if (row[i] != row[j]) {
                        long lo = Math.min(row[i], row[j]);
                        long hi = Math.max(row[i], row[j]);
                        long h = Hashing.combine(Hashing.combine(0xA4C40L, lo), hi);
                        if (h >>> (64 - ANCHOR_SAMPLE_BITS) == 0) {
                            all[n++] = KeyFamily.ANCHOR.key(h);
                        }
                    }
                }
            }
        }
        return bottomK(all, n, tuning.anchorKeys());
    }

    /** The {@code k} smallest distinct values of {@code all[0..n)}, sorted. */
    private static long[] bottomK(long[] all, int n, int k) {
        long[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        long[] out = new long[Math.min(n, k)];
        int m = 0;
        for (int i = 0; i < n && m < k; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                out[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** MinHash bands over the set of content words. */
    private long[] wordBandKeys(TokenizedText t) {
        int bands = tuning.wordBands();
        if (bands == 0) {
            return new long[0];
        }
        long[] words = new long[t.size];
        int n = 0;
        for (int i = 0; i < t.size; i++) {
            if (!t.isStopword(i)) {
                words[n++] = t.hashes[i];
            }
        }
        if (n < tuning.minTokens() / 2) {
            return new long[0];
        }
        int rows = tuning.wordRows();
        int[] sig = OnePermutationMinHash.signature(words, n, bands * rows);
        long[] out = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = Hashing.mix(0xB0D5L + b);
            for (int r = 0; r < rows; r++) {
                h = Hashing.combine(h, sig[b * rows + r] & 0xFFFFFFFFL);
            }
            out[b] = KeyFamily.WORD_BAND.key(h);
        }
        return out;
    }

    /**
     * The {@code k} smallest distinct values of {@code all[0..n)} plus its first two values (in
     * text order), distinct, sorted.
     */
    private static long[] bottomKPlusLead(long[] all, int n, int k) {
        if (n == 0 || k == 0) {
            return new long[0];
        }
        long first = all[0];
        long second = n > 1 ? all[1] : all[0];
        long[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        long[] out = new long[Math.min(n, k) + 2];
        int m = 0;
        for (int i = 0; i < n && m < k; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                out[m++] = sorted[i];
            }
        }
        out[m++] = first;
        out[m++] = second;
        long[] result = Arrays.copyOf(out, m);
        Arrays.sort(result);
        return distinct(result);
    }

    private static long[] distinct(long[] sorted) {
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, m);
    }

    private static long[] concat(long[]... parts) {
        int n = 0;
        for (long[] p : parts) {
            n += p.length;
        }
        long[] out = new long[n];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}

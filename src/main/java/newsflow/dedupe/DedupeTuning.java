package newsflow.dedupe;

import java.time.Duration;
import java.util.Objects;

/**
 * Every parameter of the fingerprint, the candidate keys and the verifier, with the defaults
 * measured by {@code newsflow.eval.DedupeEvaluation}.
 *
 * <p>Immutable and thread-safe. The constructor fails fast and names the bad value. Parameters
 * that shape the fingerprint or the keys ({@code shingleSize}, {@code bands}, {@code rows},
 * {@code wordBands}, {@code wordRows}, {@code sentenceKeys}, {@code anchorKeys},
 * {@code minSentenceTokens}, {@code maxTokens}, {@code minTokens}) must not change while an
 * index built with other values is in use: old and new keys would never meet.
 *
 * <p>Candidate probability of the shingle bands for two texts of word-shingle Jaccard
 * {@code s}: {@code 1 - (1 - s^rows)^bands}; with the defaults (32 bands of 4 rows over
 * 3-shingles) 0.23 at s = 0.3, 0.87 at 0.5, 0.99 at 0.6. Content-word bands: 20 bands of 3 rows
 * over the set of non-stopwords, 0.42 at s = 0.3, 0.93 at 0.5.
 *
 * @param shingleSize       words per shingle for MinHash and for the NEAR verification (3)
 * @param bands             MinHash bands over shingles (32)
 * @param rows              rows per shingle band (4); the signature has {@code bands * rows} values
 * @param wordBands         MinHash bands over the content-word set (20)
 * @param wordRows          rows per content-word band (3)
 * @param sentenceKeys      bottom-k sample size of sentence keys (8), plus the first two sentences
 * @param anchorKeys        most anchor-pair keys kept from the 1/4 hash sample (64)
 * @param minSentenceTokens shortest sentence, in tokens, that yields a sentence key (8)
 * @param minTokens         texts with fewer tokens get no near or rewrite keys: EXACT only (15)
 * @param maxTokens         tokens kept in the fingerprint; longer texts are compared on their start (4000)
 * @param nearJaccard       shingle Jaccard at or above which two texts are NEAR (0.75)
 * @param nearContainment   share of the smaller text's shingles found in the larger one at or
 *                          above which the texts are NEAR (0.82)
 * @param partialContainment share of a partial copy's long sentences (words in shingles) that
 *                          must lie in the original's opening, the rest being the outlet's chrome and
 *                          additions (0.45)
 * @param partialCoverage   share of the original's long sentences a partial copy must hold (0.25)
 * @param rewriteScore      share of the shorter text's content words in the aligned sentence
 *                          chain at or above which the texts are a REWRITE (0.5)
 * @param minAlignedSentences fewest aligned sentences for a REWRITE (3; fewer allowed when the
 *                          shorter text has fewer sentences)
 * @param sentenceDice      Dice similarity of content words for two sentences to align (0.45)
 * @param horizon           largest event-time distance between two compared articles (7 days)
 * @param bucketCap         articles that may share one candidate key within the horizon; the
 *                          one that would exceed it turns the key hot: it keeps its first few
 *                          members as candidates and takes no more (boilerplate, names in the
 *                          news, a wire story with hundreds of copies) (200; at least 2)
 */
public record DedupeTuning(int shingleSize, int bands, int rows, int wordBands, int wordRows,
                           int sentenceKeys, int anchorKeys, int minSentenceTokens, int minTokens,
                           int maxTokens, double nearJaccard, double nearContainment,
                           double partialContainment, double partialCoverage,
                           double rewriteScore, int minAlignedSentences, double sentenceDice,
                           Duration horizon, int bucketCap) {

    public DedupeTuning {
        requireRange("shingleSize", shingleSize, 1, 8);
        requireRange("bands", bands, 1, 256);
        requireRange("rows", rows, 1, 32);
        requireRange("wordBands", wordBands, 0, 256);
        requireRange("wordRows", wordRows, 1, 32);
        requireRange("sentenceKeys", sentenceKeys, 0, 1024);
        requireRange("anchorKeys", anchorKeys, 0, 1024);
        requireRange("minSentenceTokens", minSentenceTokens, 1, 1000);
        requireRange("minTokens", minTokens, 1, 100_000);
        requireRange("maxTokens", maxTokens, minTokens, 65_535);
        requireFraction("nearJaccard", nearJaccard);
        requireFraction("nearContainment", nearContainment);
        requireFraction("partialContainment", partialContainment);
        requireFraction("partialCoverage", partialCoverage);
        requireFraction("rewriteScore", rewriteScore);
        requireRange("minAlignedSentences", minAlignedSentences, 1, 1000);
        requireFraction("sentenceDice", sentenceDice);
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        requireRange("bucketCap", bucketCap, 2, Integer.MAX_VALUE);
    }

    /** The measured defaults (see the class Javadoc). */
    public static DedupeTuning defaults() {
        return new DedupeTuning(3, 32, 4, 20, 3, 8, 64, 8, 15, 4000, 0.75, 0.82, 0.45, 0.25, 0.5, 3, 0.45,
                Duration.ofDays(7), 200);
    }

    /** Number of MinHash values in the shingle signature. */
    public int signatureSize() {
        return bands * rows;
    }

    /** A copy with another horizon. */
    public DedupeTuning withHorizon(Duration newHorizon) {
        return new DedupeTuning(shingleSize, bands, rows, wordBands, wordRows, sentenceKeys,
                anchorKeys, minSentenceTokens, minTokens, maxTokens, nearJaccard, nearContainment,
                partialContainment, partialCoverage, rewriteScore, minAlignedSentences, sentenceDice, newHorizon, bucketCap);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be in [" + min + ", " + max + "]: " + value);
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1]: " + value);
        }
    }
}

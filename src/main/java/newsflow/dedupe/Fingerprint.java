package newsflow.dedupe;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything the dedupe core keeps about one article: enough to generate its candidate keys
 * and to verify it against any other article, without the text.
 *
 * <p>Made by {@link Fingerprinter}; serialised by {@link FingerprintCodec} (compact bytes) or by
 * Jackson (a record of numbers and arrays). Immutable by contract: the arrays are shared, not
 * copied, for speed; callers must not write to them.
 *
 * @param id          article id (the stream key)
 * @param eventTime   publication time, else the record timestamp, epoch milliseconds; with
 *                    {@code id} it decides which of two related articles is the original
 * @param totalTokens tokens in the whole body (also beyond {@code maxTokens})
 * @param exactHash   hash of the whole normalised token sequence
 * @param signature   one-permutation MinHash of the word-shingle set
 *                    ({@link DedupeTuning#signatureSize()} values)
 * @param keys        sentence, anchor and content-word keys ({@link KeyFamily}); the shingle
 *                    band keys are derived from {@code signature} on demand
 * @param tokens      16-bit token codes (stopwords 1..255, other words 256..65535), at most
 *                    {@code maxTokens}
 * @param sentenceStarts first token of each sentence, then {@code tokens.length}
 */
public record Fingerprint(String id, long eventTime, int totalTokens, long exactHash,
                          int[] signature, long[] keys, short[] tokens, int[] sentenceStarts) {

    public Fingerprint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(sentenceStarts, "sentenceStarts");
        if (sentenceStarts.length == 0 || sentenceStarts[sentenceStarts.length - 1] != tokens.length) {
            throw new IllegalArgumentException(
                    "sentenceStarts must end with the token count " + tokens.length + ": "
                            + Arrays.toString(sentenceStarts));
        }
    }

    /** Number of sentences. */
    public int sentenceCount() {
        return sentenceStarts.length - 1;
    }

    /**
     * True when this article precedes {@code other} in canonical order: earlier event time, then
     * smaller id. The earlier of two related articles is the original.
     */
    public boolean precedes(Fingerprint other) {
        if (eventTime != other.eventTime) {
            return eventTime < other.eventTime;
        }
        return id.compareTo(other.id) < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && id.equals(f.id) && eventTime == f.eventTime
                && totalTokens == f.totalTokens && exactHash == f.exactHash
                && Arrays.equals(signature, f.signature) && Arrays.equals(keys, f.keys)
                && Arrays.equals(tokens, f.tokens) && Arrays.equals(sentenceStarts, f.sentenceStarts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, eventTime, exactHash);
    }

    @Override
    public String toString() {
        return "Fingerprint[id=" + id + ", eventTime=" + eventTime + ", tokens=" + tokens.length
                + "/" + totalTokens + ", sentences=" + sentenceCount() + ", keys=" + keys.length + "]";
    }
}

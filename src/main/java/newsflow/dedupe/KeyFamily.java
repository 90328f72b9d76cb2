package newsflow.dedupe;

/**
 * The four kinds of candidate key, stored in a key's top two bits so that a band store can
 * cap each kind's buckets differently and count collisions per kind.
 */
public enum KeyFamily {
    /** MinHash band over word shingles: near duplicates. */
    SHINGLE_BAND,
    /** Hash of one whole sentence: truncations, dropped or moved paragraphs, chrome. */
    SENTENCE,
    /** Hash of the names and numbers of one sentence: rewrites. */
    ANCHOR,
    /** MinHash band over content words: rewrites. */
    WORD_BAND;

    private static final KeyFamily[] VALUES = values();

    /** The family of a key made by {@link #key(long)}. */
    public static KeyFamily of(long key) {
        return VALUES[(int) (key >>> 62)];
    }

    /** A key of this family from a 64-bit hash (the hash's top two bits are dropped). */
    long key(long hash) {
        return ((long) ordinal() << 62) | (hash >>> 2);
    }
}

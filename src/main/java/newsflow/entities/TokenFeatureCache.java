package newsflow.entities;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The recogniser's input features of the words met most recently, keyed by the word's exact
 * text: a token's features (word vector, casing, character CNN) depend on its text alone, and
 * news repeats its words ("the", "said", "Reuters"), so most tokens are found here instead of
 * being run through the token model again.
 *
 * <p>Bounded by two generations of at most {@code generation} words each, of at most
 * {@code maxWordChars} characters (a longer token, a URL or a run of base64, is neither kept nor
 * looked up, so the bound holds in bytes too): new words go to the young generation; when it is full it becomes the old one and the previous old one is dropped;
 * a word found in the old generation moves back to the young one. So a word in use stays, and
 * the cache never holds more than about twice {@code generation} words (a few more while
 * threads race to rotate).
 *
 * <p>Thread-safe. Losing a put to a concurrent rotation costs one recomputation, never a wrong
 * answer: the features of a text never change.
 */
final class TokenFeatureCache {

    private final int generation;
    private final int maxWordChars;
    private volatile ConcurrentHashMap<String, float[]> young;
    private volatile ConcurrentHashMap<String, float[]> old;

    TokenFeatureCache(int generation, int maxWordChars) {
        if (generation < 1) {
            throw new IllegalArgumentException("generation must hold at least one word: " + generation);
        }
        this.generation = generation;
        this.maxWordChars = maxWordChars;
        this.young = new ConcurrentHashMap<>();
        this.old = new ConcurrentHashMap<>();
    }

    /** The features kept for {@code word}, or null. The caller must not change the array. */
    float[] get(String word) {
        if (word.length() > maxWordChars) {
            return null;
        }
        float[] features = young.get(word);
        if (features == null) {
            features = old.get(word);
            if (features != null) {
                put(word, features);
            }
        }
        return features;
    }

    /** Keeps {@code features} (not to be changed afterwards) for {@code word}, unless the word is too long. */
    void put(String word, float[] features) {
        if (word.length() > maxWordChars) {
            return;
        }
        ConcurrentHashMap<String, float[]> current = young;
        current.put(word, features);
        if (current.size() >= generation) {
            synchronized (this) {
                if (young == current) {
                    old = current;
                    young = new ConcurrentHashMap<>();
                }
            }
        }
    }

    /** Words held now, in both generations (a word may be counted in each). */
    int size() {
        return young.size() + old.size();
    }
}

package newsflow.dedupe;

import java.util.List;

/**
 * The fixed English function-word list used to tell content words from glue.
 *
 * <p>A token's position in this list (plus one) is its 16-bit code in a {@link Fingerprint};
 * the list holds fewer than 256 words so that every other word can get a code of 256 or more.
 * Titles ({@code mr}, {@code mrs}) are listed so that one outlet's "Mr Putin" and another's
 * "Putin" carry the same anchors. Thread-safe (immutable). Never reorder or edit entries in
 * place: codes are stored; append only, with a new {@link FingerprintCodec} version.
 */
final class Stopwords {

    static final List<String> WORDS = List.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
            "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
            "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
            "during", "each", "even", "ever", "few", "for", "from", "further", "had", "has",
            "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
            "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me",
            "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of",
            "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
            "own", "s", "same", "she", "should", "so", "some", "such", "t", "than", "that", "the",
            "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
            "those", "through", "to", "too", "under", "until", "up", "upon", "very", "was", "we",
            "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "why",
            "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "said",
            "says", "say", "according", "told", "one", "two", "three", "also", "however", "since",
            "though", "although", "yet", "within", "without", "among", "around", "across",
            "along", "via", "per", "like", "unlike", "mr", "mrs", "ms", "dr", "st", "ll", "re",
            "ve", "d", "m", "don", "didn", "doesn", "isn", "wasn", "aren", "weren", "won",
            "wouldn", "couldn", "shouldn", "hasn", "haven", "hadn", "shall", "let",
            "whether", "either", "neither", "every", "much", "many", "several", "another", "still",
            "again", "almost", "already", "rather", "quite", "well", "back", "away", "onto",
            "toward", "towards", "whereas", "thus", "hence", "therefore", "otherwise", "else");

    private static final long[] TABLE;
    private static final int[] CODES;

    static {
        // Open addressing over the word hashes; duplicates in the list keep their first code.
        TABLE = new long[4096];
        CODES = new int[4096];
        for (int i = 0; i < WORDS.size(); i++) {
            long h = Hashing.hash(WORDS.get(i));
            int slot = slot(h);
            while (TABLE[slot] != 0 && TABLE[slot] != h) {
                slot = (slot + 1) & (TABLE.length - 1);
            }
            if (TABLE[slot] == 0) {
                TABLE[slot] = h;
                CODES[slot] = i + 1;
            }
        }
        if (WORDS.size() >= 256) {
            throw new IllegalStateException("stopword list must stay under 256 words: " + WORDS.size());
        }
    }

    private Stopwords() {
    }

    private static int slot(long h) {
        return (int) (h >>> 52);
    }

    /**
     * The code (1..255) of the word whose {@link Hashing#hash} is {@code h}, or 0 when it is not
     * a stopword.
     */
    static int code(long h) {
        int slot = slot(h);
        while (TABLE[slot] != 0) {
            if (TABLE[slot] == h) {
                return CODES[slot];
            }
            slot = (slot + 1) & (TABLE.length - 1);
        }
        return 0;
    }

    static boolean contains(String lowerCaseWord) {
        return code(Hashing.hash(lowerCaseWord)) != 0;
    }
}

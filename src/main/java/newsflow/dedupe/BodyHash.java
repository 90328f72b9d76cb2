package newsflow.dedupe;

import java.text.Normalizer;
import java.util.Locale;

import newsflow.ingest.ArticleIds;

/**
 * The exact-duplicate key of a body: SHA-256 of the text in NFKC, lower case, with every run
 * of non-letters and non-digits folded to one space. Two bodies that differ only in
 * punctuation, case or whitespace get the same hash.
 */
public final class BodyHash {

    private BodyHash() {
    }

    public static String of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return ArticleIds.sha256Hex(folded).substring(0, 32);
    }
}

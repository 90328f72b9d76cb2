package newsflow.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main-content extraction benchmark's metric, reproduced exactly: words are {@code \w+}
 * runs (Unicode, as Python's {@code re}), case kept; a text is the multiset of its
 * overlapping word 4-grams (a text of fewer than four words is one shingle of all its words);
 * per page the matched, extra and missing shingle counts are normalised to sum to 1.
 * Corpus precision and recall are means over pages, a page without output left out of
 * precision but not of recall. Stateless and thread-safe.
 */
public final class ExtractionMetric {

    private static final int N = 4;

    /** Normalised shingle counts of one page; they sum to 1 unless both texts are empty. */
    public record PageScore(double matched, double extra, double missing) {

        /** Whether the extractor produced any shingle for the page. */
        public boolean hasOutput() {
            return matched + extra > 0;
        }

        public double precision() {
            return hasOutput() ? matched / (matched + extra) : 0;
        }

        public double recall() {
            return matched + missing > 0 ? matched / (matched + missing) : 0;
        }

        public double f1() {
            double d = 2 * matched + extra + missing;
            return d > 0 ? 2 * matched / d : 0;
        }
    }

    /** Corpus figures: mean precision, mean recall and the F1 of those means. */
    public record Summary(double precision, double recall, double f1, int pages) {
    }

    private ExtractionMetric() {
    }

    /** Scores one page: {@code gold} is the human body, {@code predicted} may be null. */
    public static PageScore score(String gold, String predicted) {
        Map<String, Integer> truth = shingles(gold);
        Map<String, Integer> pred = shingles(predicted);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<String, Integer> e : truth.entrySet()) {
            int t = e.getValue();
            int p = pred.getOrDefault(e.getKey(), 0);
            tp += Math.min(t, p);
            fn += Math.max(0, t - p);
        }
        for (Map.Entry<String, Integer> e : pred.entrySet()) {
            fp += Math.max(0, e.getValue() - truth.getOrDefault(e.getKey(), 0));
        }
        double sum = tp + fp + fn;
        return sum > 0 ? new PageScore(tp / sum, fp / sum, fn / sum) : new PageScore(0, 0, 0);
    }

    /** Means over pages as the benchmark computes them. */
    public static Summary summarise(List<PageScore> pages) {
        double pSum = 0;
        int pCount = 0;
        double rSum = 0;
        for (PageScore s : pages) {
            if (s.hasOutput()) {
                pSum += s.precision();
                pCount++;
            }
            rSum += s.recall();
        }
        double p = pCount > 0 ? pSum / pCount : 0;
        double r = pages.isEmpty() ? 0 : rSum / pages.size();
        double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
        return new Summary(p, r, f1, pages.size());
    }

    /**
     * The {@code \\w+} runs of {@code text} with Python's meaning of {@code \\w}: letters
     * (L*), numbers (Nd, Nl, No) and the underscore, but not combining marks (which Java's
     * {@code UNICODE_CHARACTER_CLASS} would include).
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** The multiset of word 4-grams of {@code text}. */
    static Map<String, Integer> shingles(String text) {
        Map<String, Integer> out = new HashMap<>();
        if (text == null) {
            return out;
        }
        List<String> words = words(text);
        if (words.isEmpty()) {
            return out;
        }
        int last = Math.max(1, words.size() - N + 1);
        for (int i = 0; i < last; i++) {
            String shingle = String.join(" ", words.subList(i, Math.min(words.size(), i + N)));
            out.merge(shingle, 1, Integer::sum);
        }
        return out;
    }
}

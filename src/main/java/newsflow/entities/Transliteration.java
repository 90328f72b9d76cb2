package newsflow.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether two names are spellings of one name, by folding each word to a romanisation
 * key and comparing keys. Stateless and thread-safe.
 *
 * <p>Folding, word by word after accents and case are removed and hyphens split words:
 * <ul>
 *   <li>names written surname first ({@link Surnames}: Korean, Chinese, Vietnamese) fold the
 *       usual romanisation variants: eo/ŏ and o, eu/ŭ and u, u and o ("Sun"/"Son"), ch and j,
 *       k and g, p and b, t and d, r and l, Ri/Yi/Lee/Rhee, Choi/Choe;</li>
 *   <li>every other name folds the usual Russian variants: kh and h, ey/ei/iy and i, ya and ia,
 *       a final y or iy and i ("Sergey"/"Sergei", "Dmitry"/"Dmitri", "Zelenskyy"/"Zelensky").</li>
 * </ul>
 * Two names are the same when their keys are equal (spaces ignored: "Kim Jong-un", "Kim Jong
 * Un"), or, with the same number of words, every word's key is equal except words of six letters
 * or more one edit apart with the same initial ("Vostochney"/"Vostochny"). No edit is allowed on
 * shorter words, so "Ri Pyong Chol" is not "Ri Yong Chol" and "Kim Tok Hun" not "Kim Jong Un".
 * {@link #idSlug} gives the same key as an id slug, so ids agree across articles.
 */
final class Transliteration {

    private static final int MIN_EDITABLE = 6;

    private Transliteration() {
    }

    /**
     * Whether two folded names are the same name: the same letters once folded, or the same
     * number of words (two or more), at least one equal and each other pair one edit apart
     * (words of {@value #MIN_EDITABLE} letters or more, same first letter).
     */
    static boolean sameName(Folded a, Folded b) {
        List<String> ka = a.words();
        List<String> kb = b.words();
        if (ka.isEmpty() || kb.isEmpty()) {
            return false;
        }
        if (a.joined().equals(b.joined())) {
            return true;
        }
        if (ka.size() < 2 || ka.size() != kb.size()) {
            return false;
        }
        boolean anyEqual = false;
        for (int i = 0; i < ka.size(); i++) {
            String x = ka.get(i);
            String y = kb.get(i);
            if (x.equals(y)) {
                anyEqual = true;
            } else if (Math.min(x.length(), y.length()) < MIN_EDITABLE || x.charAt(0) != y.charAt(0)
                    || editDistance(x, y) > 1) {
                return false;
            }
        }
        return anyEqual;
    }

    /** A name's folded words and their concatenation, computed once for repeated comparisons. */
    record Folded(List<String> words, String joined) {

        static Folded of(String name) {
            List<String> words = foldedWords(name);
            return new Folded(words, String.join("", words));
        }

        /**
         * Keys that any name {@link #sameName(Folded, Folded) the same} as this one shares with
         * it: its joined letters, and for two words or more, the number of words with each
         * word's first letter. An index on them finds every candidate without a scan.
         */
        List<String> keys() {
            if (words.isEmpty()) {
                return List.of();
            }
            if (words.size() < 2) {
                return List.of("=" + joined);
            }
            StringBuilder initials = new StringBuilder("#").append(words.size()).append(':');
            words.forEach(w -> initials.append(w.charAt(0)));
            return List.of("=" + joined, initials.toString());
        }
    }

    /** The folded words of a name joined by hyphens: "Sergey Lavrov" and "Sergei Lavrov" both give "sergi-lavrov". */
    static String idSlug(String name) {
        return String.join("-", foldedWords(name));
    }

    /** The folded key of each word of {@code name}; hyphens and apostrophes inside a word split it. */
    static List<String> foldedWords(String name) {
        List<String> words = words(EntityIds.fold(name));
        boolean surnameFirst = Surnames.isSurnameFirst(words);
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(surnameFirst ? foldEastAsian(w) : foldRussian(w));
        }
        return out;
    }

    /**
     * The runs of letters and numbers of {@code s} (Unicode letters and the three number
     * categories, by code point): what {@code s.split("[^\\p{L}\\p{N}]+")} gives, less empty strings,
     * without compiling a pattern on every call.
     */
    static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (JunkFilter.isLetterOrNumber(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(s.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(s.substring(start));
        }
        return words;
    }

    static String foldEastAsian(String w) {
        if (w.equals("lee") || w.equals("yi") || w.equals("rhee") || w.equals("ri") || w.equals("i")) {
            return "li";
        }
        String s = w.replace("eo", "o").replace("eu", "u").replace("oi", "oe");
        s = s.replace("ch", "j").replace("k", "g").replace("p", "b").replace("t", "d").replace("r", "l");
        return s.replace('u', 'o');
    }

    static String foldRussian(String w) {
        String s = w.replace("kh", "h").replace("ya", "ia").replace("iy", "i").replace("ey", "ei").replace("ei", "i");
        if (s.length() >= 5 && s.endsWith("yy")) {
            s = s.substring(0, s.length() - 2) + "i";
        } else if (s.length() >= 5 && s.endsWith("y")) {
            s = s.substring(0, s.length() - 1) + "i";
        }
        return s.replace("ii", "i");
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

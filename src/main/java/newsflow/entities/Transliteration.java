package newsflow.entities;

import java.util.List;

/**
 * Decides whether two multi-word names are spellings of one name: romanisation variants
 * ("Choe Sun Hui" / "Choe Son Hui", "Kim Jong-un" / "Kim Jong Un") or typos
 * ("Vostochney Spaceport" / "Vostochny Spaceport"). Stateless and thread-safe.
 *
 * <p>Guards against merging two different people who share a family name: the names must have
 * the same number of words, at least one word identical, every word within a small edit
 * distance, and for people the first and last words identical ("Kim Tok Hun" is not "Kim Jong
 * Un").
 */
final class Transliteration {

    private Transliteration() {
    }

    static boolean sameName(String a, String b, boolean person) {
        String ca = compact(a);
        String cb = compact(b);
        if (ca.isEmpty() || cb.isEmpty()) {
            return false;
        }
        if (ca.equals(cb)) {
            return true;
        }
        List<String> wa = JunkFilter.words(EntityIds.fold(a));
        List<String> wb = JunkFilter.words(EntityIds.fold(b));
        if (wa.size() < 2 || wa.size() != wb.size()) {
            return false;
        }
        int n = wa.size();
        if (person && (!wa.get(0).equals(wb.get(0)) || !wa.get(n - 1).equals(wb.get(n - 1)))) {
            return false;
        }
        boolean anyEqual = false;
        for (int i = 0; i < n; i++) {
            String x = wa.get(i);
            String y = wb.get(i);
            if (x.equals(y)) {
                anyEqual = true;
                continue;
            }
            int allowed = Math.min(x.length(), y.length()) >= 3 ? Math.max(1, Math.max(x.length(), y.length()) / 4) : 0;
            if (editDistance(x, y) > allowed) {
                return false;
            }
        }
        return anyEqual;
    }

    /** Folded letters and digits only: "Kim Jong-un" and "Kim Jong Un" both give "kimjongun". */
    static String compact(String s) {
        String f = EntityIds.fold(s);
        StringBuilder sb = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
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

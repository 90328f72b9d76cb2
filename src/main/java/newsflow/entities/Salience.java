package newsflow.entities;

import java.util.List;
import java.util.Locale;

/**
 * How central an entity is to an article, in [0, 1]: 0.45 for mention frequency (relative to the
 * article's most mentioned entity), 0.35 for an early first mention, 0.2 for presence in the
 * title (any of its mentions or its name, or the last word of a person's name, as a whole word,
 * ignoring case). Stateless and thread-safe.
 */
final class Salience {

    static final double FREQUENCY = 0.45;
    static final double POSITION = 0.35;
    static final double TITLE = 0.2;

    private Salience() {
    }

    static double of(int mentions, int maxMentions, int firstStart, int textLength, boolean inTitle) {
        double frequency = maxMentions == 0 ? 0 : (double) mentions / maxMentions;
        double position = textLength == 0 ? 0 : 1.0 - (double) firstStart / textLength;
        double s = FREQUENCY * frequency + POSITION * position + (inTitle ? TITLE : 0);
        return Math.max(0, Math.min(1, s));
    }

    static boolean inTitle(String title, List<String> names) {
        if (title == null || title.isBlank()) {
            return false;
        }
        String t = title.toLowerCase(Locale.ROOT);
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT).strip();
            if (n.length() < 2) {
                continue;
            }
            for (int at = t.indexOf(n); at >= 0; at = t.indexOf(n, at + 1)) {
                boolean startOk = at == 0 || !Character.isLetterOrDigit(t.charAt(at - 1));
                int end = at + n.length();
                boolean endOk = end == t.length() || !Character.isLetterOrDigit(t.charAt(end));
                if (startOk && endOk) {
                    return true;
                }
            }
        }
        return false;
    }
}

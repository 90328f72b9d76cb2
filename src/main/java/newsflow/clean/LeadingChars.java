package newsflow.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap necessary condition for a pattern matched against a whole line ({@link Matcher#matches}):
 * whether the line's first character can begin a match at all. Learned from the pattern itself,
 * one character at a time, and remembered: the pattern is run on that character alone, and
 * if it neither matches nor reaches the end of that input ({@link Matcher#hitEnd}), no line
 * starting with it can match. The chrome-line and byline patterns, long case-blind
 * alternations tried on every short paragraph, start with a few dozen letters; most paragraphs
 * start with another one. Thread-safe: concurrent callers may both learn a character, and
 * learn the same answer.
 */
final class LeadingChars {

    private static final byte UNKNOWN = 0;
    private static final byte CANNOT = 1;
    private static final byte CAN = 2;

    private final Pattern pattern;
    /** What is known of each UTF-16 unit as a first character. */
    private final byte[] known = new byte[Character.MAX_VALUE + 1];

    LeadingChars(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Whether {@code pattern.matcher(line).matches()} can be true, judged by the first character alone. */
    boolean mayMatch(String line) {
        if (line.isEmpty()) {
            return true;
        }
        char first = line.charAt(0);
        if (Character.isSurrogate(first)) {
            return true;
        }
        byte k = known[first];
        if (k == UNKNOWN) {
            Matcher m = pattern.matcher(String.valueOf(first));
            k = m.matches() || m.hitEnd() ? CAN : CANNOT;
            known[first] = k;
        }
        return k == CAN;
    }

    /** {@code pattern.matcher(line).matches()}, skipped when the first character rules it out. */
    boolean matches(String line) {
        return mayMatch(line) && pattern.matcher(line).matches();
    }
}

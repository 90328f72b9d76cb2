package newsflow.ops;

import java.util.Locale;

/**
 * Maps a dead letter's reason (the exception message) to a short, stable category such as
 * {@code "malformed json"} or {@code "page too large"}, for metrics labels and the stats API.
 *
 * <p>The category is the message up to its first {@code ':'}, {@code ','} or {@code '('},
 * lower-cased, with anything but letters, digits, spaces and hyphens removed. Messages of
 * newsflow's own bad-input exceptions start with such a fixed phrase ("page too large: 123
 * bytes ..."), so the category drops the varying details. Unexpected exceptions (bugs) all
 * fall in {@code "internal error"}. Stateless and thread-safe.
 */
public final class DeadLetterReasons {

    /** The category of a processing error that is not bad input. */
    public static final String INTERNAL = "internal error";

    /** The category when the reason is missing or empty. */
    public static final String UNKNOWN = "unknown";

    private static final int MAX_LENGTH = 48;

    private DeadLetterReasons() {
    }

    /** The category of an exception raised while processing a record. */
    public static String categoryOf(Exception e) {
        return DeadLetterHandler.isBadInput(e) ? categoryOf(e.getMessage()) : INTERNAL;
    }

    /** The category of a reason message (the {@code __streams.errors.message} header). */
    public static String categoryOf(String reason) {
        if (reason == null || reason.isBlank()) {
            return UNKNOWN;
        }
        int end = reason.length();
        for (char stop : new char[] {':', ',', '('}) {
            int i = reason.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        StringBuilder b = new StringBuilder();
        for (char c : reason.substring(0, end).toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                b.append(c);
            } else if (Character.isWhitespace(c) && b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
        }
        String category = b.toString().strip();
        if (category.length() > MAX_LENGTH) {
            category = category.substring(0, MAX_LENGTH).strip();
        }
        return category.isEmpty() ? UNKNOWN : category;
    }
}

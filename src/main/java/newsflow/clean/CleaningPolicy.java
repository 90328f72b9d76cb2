package newsflow.clean;

/**
 * Limits of the clean stage, immutable.
 *
 * @param maxPageBytes pages larger than this are rejected
 * @param minBodyChars a body shorter than this is "no article body found"
 */
public record CleaningPolicy(int maxPageBytes, int minBodyChars) {

    public CleaningPolicy {
        if (maxPageBytes <= 0) {
            throw new IllegalArgumentException("maxPageBytes must be positive, got " + maxPageBytes);
        }
        if (minBodyChars < 0) {
            throw new IllegalArgumentException("minBodyChars must not be negative, got " + minBodyChars);
        }
    }

    /** Defaults for news pages: 5 MiB pages, bodies of at least 200 characters. */
    public static CleaningPolicy newsDefaults() {
        return new CleaningPolicy(5 * 1024 * 1024, 200);
    }
}

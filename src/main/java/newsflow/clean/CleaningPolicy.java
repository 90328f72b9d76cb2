package newsflow.clean;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and thresholds of the clean stage. Immutable and thread-safe; build one with
 * {@link #newsDefaults()} and adjust it with the {@code with*} methods.
 *
 * @param maxPageBytes   largest accepted page, in UTF-8 bytes of the HTML or text
 * @param maxDomDepth    deepest accepted element nesting of an HTML page
 * @param timeBudget     wall-clock time one page may take before it is rejected
 * @param minBodyChars   shortest body (in characters) that still counts as an article
 * @param paragraphModel whether the learned {@code ParagraphModel} judges the paragraphs the
 *                       rules keep (on by default; off for its ablation)
 */
public record CleaningPolicy(long maxPageBytes, int maxDomDepth, Duration timeBudget,
                             int minBodyChars, boolean paragraphModel) {

    /** Five mebibytes: larger pages are not news articles, or are hostile. */
    public static final long DEFAULT_MAX_PAGE_BYTES = 5L * 1024 * 1024;

    public CleaningPolicy {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (maxPageBytes <= 0) {
            throw new IllegalArgumentException("maxPageBytes must be positive: " + maxPageBytes);
        }
        if (maxDomDepth < 8) {
            throw new IllegalArgumentException("maxDomDepth must be at least 8: " + maxDomDepth);
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive: " + timeBudget);
        }
        if (minBodyChars < 0) {
            throw new IllegalArgumentException("minBodyChars must not be negative: " + minBodyChars);
        }
    }

    /** Defaults for news pages: 5 MiB, depth 400, 2 seconds, 200 body characters, the paragraph model on. */
    public static CleaningPolicy newsDefaults() {
        return new CleaningPolicy(DEFAULT_MAX_PAGE_BYTES, 400, Duration.ofSeconds(2), 200, true);
    }

    public CleaningPolicy withMaxPageBytes(long bytes) {
        return new CleaningPolicy(bytes, maxDomDepth, timeBudget, minBodyChars, paragraphModel);
    }

    public CleaningPolicy withMaxDomDepth(int depth) {
        return new CleaningPolicy(maxPageBytes, depth, timeBudget, minBodyChars, paragraphModel);
    }

    public CleaningPolicy withTimeBudget(Duration budget) {
        return new CleaningPolicy(maxPageBytes, maxDomDepth, budget, minBodyChars, paragraphModel);
    }

    public CleaningPolicy withMinBodyChars(int chars) {
        return new CleaningPolicy(maxPageBytes, maxDomDepth, timeBudget, chars, paragraphModel);
    }

    public CleaningPolicy withParagraphModel(boolean on) {
        return new CleaningPolicy(maxPageBytes, maxDomDepth, timeBudget, minBodyChars, on);
    }
}

package newsflow.clean;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Limits and thresholds of the clean stage. Immutable and thread-safe; build one with
 * {@link #newsDefaults()} and adjust it with the {@code with*} methods.
 *
 * @param maxPageBytes   largest accepted page, in UTF-8 bytes of the HTML or text
 * @param maxDomDepth    deepest accepted element nesting of an HTML page
 * @param timeBudget     wall-clock time one page may take before it is rejected
 * @param minBodyChars   shortest body (in characters) that still counts as an article
 * @param off            signals switched off, for their ablation (none by default)
 */
public record CleaningPolicy(long maxPageBytes, int maxDomDepth, Duration timeBudget,
                             int minBodyChars, Set<CleaningSignal> off) {

    /** Five mebibytes: larger pages are not news articles, or are hostile. */
    public static final long DEFAULT_MAX_PAGE_BYTES = 5L * 1024 * 1024;

    public CleaningPolicy {
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(off, "off");
        off = off.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(off));
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

    /** Defaults for news pages: 5 MiB, depth 400, 2 seconds, 200 body characters, every signal on. */
    public static CleaningPolicy newsDefaults() {
        return new CleaningPolicy(DEFAULT_MAX_PAGE_BYTES, 400, Duration.ofSeconds(2), 200, Set.of());
    }

    /** Whether {@code signal} is on. */
    public boolean uses(CleaningSignal signal) {
        return !off.contains(signal);
    }

    /** Whether the learned paragraph model judges the paragraphs the rules keep. */
    public boolean paragraphModel() {
        return uses(CleaningSignal.PARAGRAPH_MODEL);
    }

    /** This policy with {@code signal} switched off. */
    public CleaningPolicy without(CleaningSignal signal) {
        EnumSet<CleaningSignal> less = offCopy();
        less.add(signal);
        return new CleaningPolicy(maxPageBytes, maxDomDepth, timeBudget, minBodyChars, less);
    }

    /** A mutable copy of the signals switched off ({@code EnumSet.copyOf} refuses an empty set). */
    private EnumSet<CleaningSignal> offCopy() {
        return off.isEmpty() ? EnumSet.noneOf(CleaningSignal.class) : EnumSet.copyOf(off);
    }

    public CleaningPolicy withMaxPageBytes(long bytes) {
        return new CleaningPolicy(bytes, maxDomDepth, timeBudget, minBodyChars, off);
    }

    public CleaningPolicy withMaxDomDepth(int depth) {
        return new CleaningPolicy(maxPageBytes, depth, timeBudget, minBodyChars, off);
    }

    public CleaningPolicy withTimeBudget(Duration budget) {
        return new CleaningPolicy(maxPageBytes, maxDomDepth, budget, minBodyChars, off);
    }

    public CleaningPolicy withMinBodyChars(int chars) {
        return new CleaningPolicy(maxPageBytes, maxDomDepth, timeBudget, chars, off);
    }

    public CleaningPolicy withParagraphModel(boolean on) {
        if (on) {
            EnumSet<CleaningSignal> more = offCopy();
            more.remove(CleaningSignal.PARAGRAPH_MODEL);
            return new CleaningPolicy(maxPageBytes, maxDomDepth, timeBudget, minBodyChars, more);
        }
        return without(CleaningSignal.PARAGRAPH_MODEL);
    }
}

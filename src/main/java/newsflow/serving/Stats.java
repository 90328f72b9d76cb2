package newsflow.serving;

import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of {@code GET /api/stats}, over all instances.
 *
 * @param in                  raw records read
 * @param articles            unique articles produced
 * @param duplicates          duplicates dropped
 * @param duplicatesByKind    duplicates by kind (EXACT, NEAR)
 * @param deadLetters         records dead-lettered
 * @param deadLettersByReason dead letters by reason category
 * @param pending             raw records read but not yet accounted for (in - articles -
 *                            duplicates - dead letters, at least 0)
 * @param lag                 raw records not yet read (consumer lag), -1 when unknown
 * @param instances           how many instances answered
 */
public record Stats(long in, long articles, long duplicates, Map<String, Long> duplicatesByKind,
                    long deadLetters, Map<String, Long> deadLettersByReason, long pending, long lag,
                    int instances) {

    /** The stats of summed counters (see {@link LocalStores#counts}). */
    static Stats of(Map<String, Long> counts, long lag, int instances) {
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        long deadLetters = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getKey().startsWith(ServingViews.DUPLICATES + ".")) {
                byKind.put(e.getKey().substring(ServingViews.DUPLICATES.length() + 1), e.getValue());
            } else if (e.getKey().startsWith("deadletters.")) {
                byReason.put(e.getKey().substring("deadletters.".length()), e.getValue());
                deadLetters += e.getValue();
            }
        }
        long in = counts.getOrDefault(ServingViews.IN, 0L);
        long articles = counts.getOrDefault(ServingViews.ARTICLES, 0L);
        long duplicates = counts.getOrDefault(ServingViews.DUPLICATES, 0L);
        return new Stats(in, articles, duplicates, byKind, deadLetters, byReason,
            Math.max(0, in - articles - duplicates - deadLetters), lag, instances);
    }
}

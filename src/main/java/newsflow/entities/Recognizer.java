package newsflow.entities;

import java.util.List;

/**
 * Finds named-entity spans in text: the first step of the entity chain, before any knowledge
 * base or linking. Implementations are thread-safe and never modify their input.
 */
@FunctionalInterface
interface Recognizer {

    /**
     * The spans of PERSON, ORGANIZATION, LOCATION and MISC names in {@code text}, by position,
     * each with its confidence (the lowest probability of its label over its tokens).
     */
    List<Span> recognise(String text);

    /** What a recogniser found before its deadline: the spans in {@code text[0, endChar)}. */
    record Recognition(List<Span> spans, int endChar) {
    }

    /**
     * As {@link #recognise(String)}, stopping at a sentence boundary soon after
     * {@code deadlineNanos} ({@link System#nanoTime()}; the neural recogniser, within one run of
     * its model, a few sentences); by default the whole text.
     */
    default Recognition recogniseUntil(String text, long deadlineNanos) {
        return new Recognition(recognise(text), text.length());
    }
}

package newsflow.entities;

/**
 * A candidate mention before linking: a character range of the text, a type, when the
 * knowledge base recognised it the entity it names ({@code null} otherwise), and how sure the
 * recogniser was of the type (the lowest marginal probability of its label over the span's
 * tokens; 1 when the span does not come from the recogniser). Immutable.
 */
record Span(int start, int end, EntityType type, KbEntity kb, double confidence) {

    Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    Span(int start, int end, EntityType type, KbEntity kb) {
        this(start, end, type, kb, 1.0);
    }

    int length() {
        return end - start;
    }

    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }

    Span withRange(int newStart, int newEnd) {
        return new Span(newStart, newEnd, type, kb, confidence);
    }

    Span withType(EntityType newType) {
        return new Span(start, end, newType, kb, confidence);
    }

    Span withKb(KbEntity entity) {
        return new Span(start, end, type, entity, confidence);
    }

    String text(String s) {
        return s.substring(start, end);
    }
}

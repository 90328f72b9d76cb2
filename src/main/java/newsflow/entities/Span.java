package newsflow.entities;

import newsflow.core.EntityType;

/**
 * A candidate mention before linking: a character range of the text, a type, when the
 * knowledge base recognised it the entity it names ({@code null} otherwise), how sure the
 * recogniser was of the type (the probability of its label, lowest over the span's tokens; 1
 * when the span does not come from the recogniser), and whether a rule of the article's layout
 * or context decided the type ("CARDIFF" in a dateline, "Stoke 4 3 1 0" in a standings row), so
 * that the majority of the entity's other mentions does not overrule it. Immutable.
 */
record Span(int start, int end, EntityType type, KbEntity kb, double confidence, boolean decided) {

    Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    Span(int start, int end, EntityType type, KbEntity kb, double confidence) {
        this(start, end, type, kb, confidence, false);
    }

    Span(int start, int end, EntityType type, KbEntity kb) {
        this(start, end, type, kb, 1.0, false);
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
        return new Span(newStart, newEnd, type, kb, confidence, decided);
    }

    Span withType(EntityType newType) {
        return new Span(start, end, newType, kb, confidence, decided);
    }

    Span withKb(KbEntity entity) {
        return new Span(start, end, type, entity, confidence, decided);
    }

    /** This range with a type a layout or context rule decided, and the given link. */
    Span decidedAs(EntityType newType, KbEntity entity) {
        return new Span(start, end, newType, entity, confidence, true);
    }

    String text(String s) {
        return s.substring(start, end);
    }
}

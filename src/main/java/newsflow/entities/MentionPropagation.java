package newsflow.entities;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import newsflow.core.EntityType;

/**
 * Finds the mentions the recogniser missed: every other occurrence of a name an entity already
 * has in this article, written the same way or in capitals (a headline's "KIM" after "Kim"),
 * on word boundaries and not inside another mention, joins that entity. A person's surname
 * (last word of a full name) propagates too, unless the word also occurs in lower case in the
 * text or the occurrence is followed by another capitalised word ("Major" but not "major" or
 * "Major League"). One-letter and two-letter names are not propagated, nor junk
 * ({@link JunkFilter}). Stateless and thread-safe.
 */
final class MentionPropagation {

    private static final int MIN_LENGTH = 3;

    private MentionPropagation() {
    }

    static void propagate(String text, List<MentionLinker.Cluster> clusters) {
        // Taken ranges by start: overlap checks stay logarithmic on long documents.
        java.util.TreeMap<Integer, Integer> taken = new java.util.TreeMap<>();
        clusters.forEach(c -> c.spans.forEach(s -> taken.merge(s.start(), s.end(), Math::max)));
        // A scan for the same form, type, KB entity and surname role claims nothing the first
        // did not (taken ranges only grow; the other checks depend on those four alone): once is
        // enough, which keeps a text of thousands of people sharing a few surnames linear.
        Set<String> scanned = new java.util.HashSet<>();
        for (MentionLinker.Cluster c : clusters) {
            Set<String> forms = new LinkedHashSet<>();
            for (String s : c.surfaces) {
                if (s.length() >= MIN_LENGTH && Character.isUpperCase(s.charAt(0))) {
                    forms.add(s);
                    forms.add(s.toUpperCase(Locale.ROOT));
                }
            }
            EntityType type = c.type();
            String surname = type == EntityType.PERSON ? surname(text, c) : null;
            if (surname != null) {
                forms.add(surname);
            }
            for (String form : forms) {
                if (!scanned.add(form + '\u0000' + type + '\u0000' + (c.kb == null ? "" : c.kb.id())
                        + '\u0000' + form.equals(surname))) {
                    continue;
                }
                for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                    Span candidate = new Span(at, at + form.length(), type, c.kb);
                    if (form.equals(surname) && followedByCapitalisedWord(text, candidate.end())) {
                        continue;
                    }
                    if (onWordBoundaries(text, candidate) && !overlapsAny(taken, candidate)
                            && !JunkFilter.isJunk(text, candidate)) {
                        c.add(candidate, form);
                        taken.put(candidate.start(), candidate.end());
                    }
                }
            }
        }
    }

    /** The last word of the person's longest name, if it is safe to propagate alone, else null. */
    private static String surname(String text, MentionLinker.Cluster c) {
        List<String> words = JunkFilter.words(c.name());
        if (words.size() < 2) {
            return null;
        }
        String last = words.get(words.size() - 1);
        if (last.length() < MIN_LENGTH || !Character.isUpperCase(last.charAt(0)) || last.contains(".")) {
            return null;
        }
        return KbMatcher.writtenInLowerCase(text, last) ? null : last;
    }

    private static boolean followedByCapitalisedWord(String text, int end) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i > end && i < text.length() && Character.isUpperCase(text.charAt(i));
    }

    /** Whether {@code s} overlaps a taken range; ranges never overlap each other once taken. */
    private static boolean overlapsAny(java.util.TreeMap<Integer, Integer> taken, Span s) {
        java.util.Map.Entry<Integer, Integer> before = taken.floorEntry(s.start());
        if (before != null && before.getValue() > s.start()) {
            return true;
        }
        Integer next = taken.higherKey(s.start());
        return next != null && next < s.end();
    }

    private static boolean onWordBoundaries(String text, Span s) {
        return KbMatcher.onWordBoundaries(text, s.start(), s.end());
    }
}

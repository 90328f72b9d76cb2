package newsflow.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import newsflow.core.EntityType;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds knowledge-base names in a text with one Aho-Corasick automaton over every alias.
 *
 * <p>The automaton is case-insensitive; a hit counts only if its case agrees with the alias:
 * exactly, or the hit is all capitals (a headline) and the alias is a word of four letters or more
 * that is not an acronym. An acronym that is also an English word ("US", "WHO") counts only in
 * mixed-case context, since in an all-caps headline it is as likely the ordinary word. Hits must
 * sit on word boundaries; overlapping hits are resolved longest first, then leftmost. Immutable
 * and thread-safe.
 */
public final class KbMatcher {

    private static final int CONTEXT = 40;

    /** Acronym aliases that are also English words ("US", "WHO"): trusted only in mixed case. */
    private static final java.util.Set<String> WORD_LIKE = java.util.Set.of(
            "us", "who", "it", "is", "as", "at", "au", "an", "am", "on", "in", "no", "or", "so", "to", "up",
            "we", "he", "me", "be", "do", "go", "by", "of", "if", "all", "can", "may", "war", "sun", "sea", "aim", "act");

    /** An alias as written, its entity, and its folded words ({@link Transliteration}), computed once. */
    private record Alias(String surface, KbEntity entity, Transliteration.Folded folded) {
        Alias(String surface, KbEntity entity) {
            this(surface, entity, Transliteration.Folded.of(surface));
        }
    }

    private final PayloadTrie<List<Alias>> trie;
    private final Map<String, List<Alias>> byShape = new java.util.HashMap<>();

    public KbMatcher(KnowledgeBase kb) {
        Objects.requireNonNull(kb, "kb");
        Map<String, List<Alias>> byKey = new LinkedHashMap<>();
        for (KbEntity entity : kb.entities()) {
            for (String name : entity.names()) {
                byKey.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(new Alias(name, entity));
            }
        }
        PayloadTrie.PayloadTrieBuilder<List<Alias>> builder = PayloadTrie.<List<Alias>>builder().ignoreCase();
        byKey.forEach((key, aliases) -> builder.addKeyword(key, List.copyOf(aliases)));
        this.trie = builder.build();
        byKey.values().forEach(aliases -> aliases.forEach(a ->
                byShape.computeIfAbsent(shape(a.surface(), a.entity().type()), k -> new ArrayList<>()).add(a)));
    }

    /**
     * The knowledge-base entity of this type that {@code surface}, a name of two words or more,
     * spells differently ({@link Transliteration}), or {@code null}.
     */
    public KbEntity fuzzy(String surface, EntityType type) {
        List<Alias> candidates = byShape.get(shape(surface, type));
        if (candidates == null) {
            return null;
        }
        Transliteration.Folded folded = Transliteration.Folded.of(surface);
        for (Alias a : candidates) {
            if (Transliteration.sameName(folded, a.folded())) {
                return a.entity();
            }
        }
        return null;
    }

    /** Type, word count and initial: transliteration variants share all three. */
    private static String shape(String name, EntityType type) {
        List<String> words = JunkFilter.words(EntityIds.fold(name));
        return type + "/" + words.size() + "/" + (words.isEmpty() ? "" : words.get(0).substring(0, 1));
    }

    /** Every accepted, non-overlapping knowledge-base mention in {@code text}, by position. */
    public List<Span> find(String text) {
        List<Span> hits = new ArrayList<>();
        for (PayloadEmit<List<Alias>> emit : trie.parseText(text)) {
            int start = emit.getStart();
            int end = emit.getEnd() + 1;
            if (!onWordBoundaries(text, start, end)) {
                continue;
            }
            String surface = text.substring(start, end);
            for (Alias alias : emit.getPayload()) {
                if (caseAgrees(surface, alias.surface(), text, start, end)) {
                    hits.add(new Span(start, end, alias.entity().type(), alias.entity()));
                    break;
                }
            }
        }
        return longestFirst(hits);
    }

    static List<Span> longestFirst(List<Span> hits) {
        List<Span> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Span::length).reversed().thenComparingInt(Span::start));
        List<Span> chosen = new ArrayList<>();
        for (Span s : sorted) {
            if (chosen.stream().noneMatch(s::overlaps)) {
                chosen.add(s);
            }
        }
        chosen.sort(Comparator.comparingInt(Span::start));
        return chosen;
    }

    /**
     * Whether the article writes {@code word} in lower case somewhere, on word boundaries ("fed"
     * for "Fed", "sales" for "Sales"): then the word is also an ordinary word here.
     */
    static boolean writtenInLowerCase(String text, String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (int at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
            if (onWordBoundaries(text, at, at + lower.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code [start, end)} is a whole word sequence: no letter or digit on either side, nor
     * an apostrophe or hyphen joined to letters ("Xi'an", "Asia-Pacific", "Kim-led"), except a
     * possessive ("Putin's").
     */
    static boolean onWordBoundaries(String text, int start, int end) {
        if (start > 0) {
            char before = text.charAt(start - 1);
            if (Character.isLetterOrDigit(before)) {
                return false;
            }
            if (isJoiner(before) && start > 1 && Character.isLetter(text.charAt(start - 2))) {
                return false;
            }
        }
        if (end < text.length()) {
            char after = text.charAt(end);
            if (Character.isLetterOrDigit(after)) {
                return false;
            }
            if (isJoiner(after) && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1))) {
                boolean possessive = after != '-' && (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S')
                        && (end + 2 == text.length() || !Character.isLetter(text.charAt(end + 2)));
                return possessive;
            }
        }
        return true;
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '\'' || c == '’';
    }

    private static boolean caseAgrees(String surface, String alias, String text, int start, int end) {
        boolean acronym = isAcronym(alias);
        if (acronym && WORD_LIKE.contains(alias.toLowerCase(Locale.ROOT))
                && !hasLowerCase(text, Math.max(0, start - CONTEXT), Math.min(text.length(), end + CONTEXT))) {
            return false;
        }
        if (surface.equals(alias)) {
            return true;
        }
        return !acronym && letters(alias) >= 4 && isUpperCase(surface);
    }

    /** A short all-capitals word such as "US" or "WHO"; dotted forms ("U.S.") are unambiguous. */
    private static boolean isAcronym(String alias) {
        return letters(alias) <= 4 && isUpperCase(alias) && alias.chars().allMatch(Character::isLetter);
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    static boolean isUpperCase(String s) {
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            any |= Character.isUpperCase(c);
        }
        return any;
    }

    private static boolean hasLowerCase(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

package newsflow.entities;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsflow.core.EntityType;

/**
 * Groups the candidate mentions of one article into entities. Stateless and thread-safe; each
 * call works on its own clusters.
 *
 * <p>A mention, taken in text order, joins the first entity that fits, in this order:
 * <ol>
 *   <li>for a one-word mention the recogniser called a person (or MISC) and that is no KB entity
 *       of another type: the person whose full name has it as surname, case-exact or in capitals
 *       (last word; first word for surname-first names, {@link Surnames}); if several, the one
 *       with most mentions so far;</li>
 *   <li>the entity with the same knowledge-base id;</li>
 *   <li>the entity with the same folded name ({@link Transliteration#foldedWords}), unless their
 *       KB ids or types disagree;</li>
 *   <li>an entity of the same type whose name is a transliteration variant, its KB aliases
 *       included; else a KB entity the name spells differently.</li>
 * </ol>
 * Otherwise it starts a new entity. An entity's type is the most frequent type of its mentions
 * (ties: the knowledge base's, then the first).
 */
final class MentionLinker {

    /** One entity being built. Not thread-safe; confined to one call of {@link #link}. */
    static final class Cluster {
        /** Creation order within the article: the earliest of several matching clusters wins. */
        int order;
        KbEntity kb;
        final List<Span> spans = new ArrayList<>();
        final List<String> surfaces = new ArrayList<>();
        final Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);

        /** Surname words of this entity's full names, as written; kept up to date by {@link #add}. */
        private final java.util.Set<String> surnames = new java.util.HashSet<>();
        private final java.util.Set<String> surnamesInCapitals = new java.util.HashSet<>();

        void add(Span span, String surface) {
            spans.add(span);
            surfaces.add(surface);
            votes.merge(span.type(), 1, Integer::sum);
            addSurname(surface);
            if (kb == null && span.kb() != null) {
                kb = span.kb();
                kb.names().forEach(this::addSurname);
            }
        }

        private void addSurname(String name) {
            List<String> w = JunkFilter.words(name);
            if (w.size() < 2) {
                return;
            }
            List<String> found = Surnames.isSurnameFirst(w) ? List.of(w.get(0), w.get(w.size() - 1)) : List.of(w.get(w.size() - 1));
            for (String s : found) {
                surnames.add(s);
                surnamesInCapitals.add(s.toUpperCase(java.util.Locale.ROOT));
            }
        }

        EntityType type() {
            EntityType best = spans.get(0).type();
            int bestVotes = -1;
            for (Map.Entry<EntityType, Integer> e : votes.entrySet()) {
                int v = e.getValue();
                boolean kbTie = v == bestVotes && kb != null && e.getKey() == kb.type();
                if (v > bestVotes || kbTie) {
                    best = e.getKey();
                    bestVotes = v;
                }
            }
            return best;
        }

        /**
         * The knowledge base's name, or the most frequent mention of two words or more (first on
         * ties; mentions in capitals only if there is nothing else), or else the most frequent mention.
         */
        String name() {
            if (kb != null) {
                return kb.name();
            }
            String best = null;
            for (boolean allowCapitals : new boolean[] {false, true}) {
                for (int minWords : new int[] {2, 1}) {
                    best = mostFrequent(minWords, allowCapitals);
                    if (best != null) {
                        return best;
                    }
                }
            }
            return surfaces.get(0);
        }

        private String mostFrequent(int minWords, boolean allowCapitals) {
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            for (String s : surfaces) {
                if (JunkFilter.words(s).size() >= minWords && (allowCapitals || !KbMatcher.isUpperCase(s))) {
                    counts.merge(s, 1, Integer::sum);
                }
            }
            String best = null;
            int bestCount = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return best;
        }

        boolean isPerson() {
            return votes.getOrDefault(EntityType.PERSON, 0) > 0 && type() == EntityType.PERSON;
        }

        /**
         * Whether {@code word} is the surname in a full name (two words or more) of this person:
         * its last word, or its first for a name written surname first ("Kim" in "Kim Jong Un").
         * Case must agree: exactly, or the word is in capitals (a headline's "PUTIN").
         */
        boolean hasSurname(String word) {
            return surnames.contains(word)
                    || (word.length() >= 3 && KbMatcher.isUpperCase(word) && surnamesInCapitals.contains(word));
        }
    }

    private MentionLinker() {
    }

    static List<Cluster> link(String text, List<Span> spans, KbMatcher kbMatcher) {
        List<Cluster> clusters = new ArrayList<>();
        Map<String, Cluster> byKb = new HashMap<>();
        Map<String, Cluster> byName = new HashMap<>();
        NameIndex names = new NameIndex();
        for (Span span : spans) {
            String surface = span.text(text);
            Transliteration.Folded folded = Transliteration.Folded.of(surface);
            String key = folded.joined();
            Cluster target = null;
            List<String> words = JunkFilter.words(surface);
            boolean oneWord = words.size() == 1;
            boolean mayBeSurname = oneWord && mayBePersonName(span);
            if (span.kb() != null) {
                if (mayBeSurname) {
                    target = personWithSurname(clusters, words.get(0));
                }
                if (target == null) {
                    target = byKb.get(span.kb().id());
                }
            }
            if (target == null) {
                Cluster same = byName.get(key);
                if (same != null && compatible(same, span)) {
                    target = same;
                }
            }
            if (target == null && mayBeSurname) {
                target = personWithSurname(clusters, words.get(0));
            }
            if (target == null && !oneWord) {
                target = names.transliterationOf(folded, span.type());
            }
            if (target == null && !oneWord && span.kb() == null) {
                KbEntity variant = kbMatcher.fuzzy(surface, span.type());
                if (variant != null) {
                    span = span.withKb(variant);
                    target = byKb.get(variant.id());
                }
            }
            if (target == null) {
                target = new Cluster();
                target.order = clusters.size();
                clusters.add(target);
            }
            KbEntity kbBefore = target.kb;
            target.add(span, surface);
            names.add(target, folded);
            if (kbBefore == null && target.kb != null) {
                for (String n : target.kb.names()) {
                    names.add(target, Transliteration.Folded.of(n));
                }
            }
            byName.putIfAbsent(key, target);
            if (target.kb != null) {
                byKb.putIfAbsent(target.kb.id(), target);
            }
        }
        return mergeGivenNames(mergeEarlyShortNames(clusters));
    }

    /**
     * Whether a one-word mention may be a person's surname: the recogniser called it a person or
     * MISC, and it is no KB entity of another type ("UN", "Chelsea" the club, "Ford" the company
     * stay apart from "Kim Jong Un", "Chelsea Clinton" and "Gerald Ford").
     */
    private static boolean mayBePersonName(Span span) {
        boolean personLabel = span.type() == EntityType.PERSON || span.type() == EntityType.MISC;
        return personLabel && (span.kb() == null || span.kb().type() == EntityType.PERSON);
    }

    /** Two mentions written alike join unless they are KB entities of different ids or types. */
    private static boolean compatible(Cluster c, Span span) {
        if (c.kb != null && span.kb() != null) {
            return c.kb.id().equals(span.kb().id());
        }
        return c.kb == null && span.kb() == null || c.type() == span.type();
    }

    /**
     * A one-word person name seen before the full name ("Vladimir" before "Vladimir Putin") joins
     * the person whose surname it is, as a later mention would have.
     */
    private static List<Cluster> mergeEarlyShortNames(List<Cluster> clusters) {
        List<Cluster> out = new ArrayList<>(clusters);
        for (Cluster c : clusters) {
            if (c.kb != null && c.kb.type() != EntityType.PERSON
                    || !c.spans.stream().allMatch(MentionLinker::mayBePersonName)
                    || c.surfaces.stream().anyMatch(s -> JunkFilter.words(s).size() != 1)) {
                continue;
            }
            String word = JunkFilter.words(c.surfaces.get(0)).get(0);
            Cluster person = personWithSurname(out, word);
            if (person != null && person != c && (c.kb == null || person.kb == null || c.kb.id().equals(person.kb.id()))) {
                for (int i = 0; i < c.spans.size(); i++) {
                    person.add(c.spans.get(i), c.surfaces.get(i));
                }
                out.remove(c);
            }
        }
        return out;
    }

    /**
     * A one-word person that is the given name of exactly one person with a full name in the
     * article ("Vladimir" with "Vladimir Putin", "Alan" with "Alan Shearer") is that person. With
     * two candidates ("Kim" beside "Kim Jong Un" and "Kim Yo Jong" is a surname anyway) it stays
     * apart. Surname-first names have no given name in first position and are skipped.
     */
    private static List<Cluster> mergeGivenNames(List<Cluster> clusters) {
        // Given name -> the persons with a full name starting with it. Only one-word persons are
        // merged away below, and they have no full name, so the index stays valid throughout.
        Map<String, Set<Cluster>> byGivenName = new HashMap<>();
        for (Cluster p : clusters) {
            if (!p.isPerson()) {
                continue;
            }
            for (String surface : p.surfaces) {
                List<String> w = JunkFilter.words(surface);
                if (w.size() >= 2 && !Surnames.isSurnameFirst(w)) {
                    byGivenName.computeIfAbsent(w.get(0), x -> new java.util.HashSet<>()).add(p);
                }
            }
        }
        List<Cluster> out = new ArrayList<>(clusters);
        for (Cluster c : clusters) {
            if (c.kb != null || !c.isPerson() || c.surfaces.stream().anyMatch(s -> JunkFilter.words(s).size() != 1)) {
                continue;
            }
            Set<Cluster> persons = byGivenName.getOrDefault(JunkFilter.words(c.surfaces.get(0)).get(0), Set.of());
            if (persons.size() == 1) {
                Cluster only = persons.iterator().next();
                for (int i = 0; i < c.spans.size(); i++) {
                    only.add(c.spans.get(i), c.surfaces.get(i));
                }
                out.remove(c);
            }
        }
        return out;
    }

    private static Cluster personWithSurname(List<Cluster> clusters, String word) {
        Cluster best = null;
        for (Cluster c : clusters) {
            if (c.isPerson() && c.hasSurname(word) && (best == null || c.spans.size() > best.spans.size())) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The clusters' names (surfaces and knowledge-base names) by the keys under which
     * {@link Transliteration#sameName} can match them, so that finding a spelling variant is a
     * lookup, not a comparison with every name of the article (30,000 names in one text took
     * 20 s that way).
     */
    private static final class NameIndex {

        private record Entry(Cluster cluster, Transliteration.Folded name) {
        }

        private final Map<String, List<Entry>> byKey = new HashMap<>();
        private final java.util.Set<String> seen = new java.util.HashSet<>();

        void add(Cluster c, Transliteration.Folded name) {
            if (!seen.add(c.order + "|" + name.words())) {
                return;
            }
            for (String k : name.keys()) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(new Entry(c, name));
            }
        }

        /** The earliest cluster of {@code type} with a name that is a spelling variant of {@code name}. */
        Cluster transliterationOf(Transliteration.Folded name, EntityType type) {
            Cluster best = null;
            for (String k : name.keys()) {
                for (Entry e : byKey.getOrDefault(k, List.of())) {
                    if ((best == null || e.cluster().order < best.order) && e.cluster().type() == type
                            && Transliteration.sameName(name, e.name())) {
                        best = e.cluster();
                    }
                }
            }
            return best;
        }
    }
}

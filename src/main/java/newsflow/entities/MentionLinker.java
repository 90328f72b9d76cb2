package newsflow.entities;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the candidate mentions of one article into entities. Stateless and thread-safe; each
 * call works on its own clusters.
 *
 * <p>A mention, taken in text order, joins the first entity that fits, in this order:
 * <ol>
 *   <li>the entity with the same knowledge-base id (a one-word person alias such as "Putin" first
 *       looks for a full name in the article ending or starting with that word);</li>
 *   <li>the entity with the same normalised name;</li>
 *   <li>for a one-word mention that is not a place: the person whose full name in this article
 *       starts or ends with that word ("Kim", "Peskov"); if several do, the one with most
 *       mentions so far, then the earliest;</li>
 *   <li>an entity of the same type whose name is a transliteration variant
 *       ({@link Transliteration}), its knowledge-base aliases included.</li>
 * </ol>
 * Otherwise it starts a new entity. An entity's type is the most frequent type of its mentions
 * (ties: the knowledge base's, then the first).
 */
final class MentionLinker {

    /** One entity being built. */
    static final class Cluster {
        KbEntity kb;
        final List<Span> spans = new ArrayList<>();
        final List<String> surfaces = new ArrayList<>();
        final Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);

        void add(Span span, String surface) {
            spans.add(span);
            surfaces.add(surface);
            votes.merge(span.type(), 1, Integer::sum);
            if (kb == null && span.kb() != null) {
                kb = span.kb();
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

        /** The knowledge base's name, or the mention with the most words (first on ties). */
        String name() {
            if (kb != null) {
                return kb.name();
            }
            String best = surfaces.get(0);
            int bestWords = JunkFilter.words(best).size();
            for (String s : surfaces) {
                int w = JunkFilter.words(s).size();
                if (w > bestWords) {
                    best = s;
                    bestWords = w;
                }
            }
            return best;
        }

        boolean isPerson() {
            return votes.getOrDefault(EntityType.PERSON, 0) > 0 && type() == EntityType.PERSON;
        }

        /** Whether a full name (two words or more) of this entity starts or ends with {@code word}. */
        boolean hasNameEdge(String word) {
            List<String> names = new ArrayList<>(surfaces);
            if (kb != null) {
                names.addAll(kb.names());
            }
            for (String s : names) {
                List<String> w = JunkFilter.words(EntityIds.fold(s));
                if (w.size() >= 2 && (w.get(0).equals(word) || w.get(w.size() - 1).equals(word))) {
                    return true;
                }
            }
            return false;
        }
    }

    private MentionLinker() {
    }

    static List<Cluster> link(String text, List<Span> spans, KbMatcher kbMatcher) {
        List<Cluster> clusters = new ArrayList<>();
        Map<String, Cluster> byKb = new HashMap<>();
        Map<String, Cluster> byName = new HashMap<>();
        for (Span span : spans) {
            String surface = span.text(text);
            String key = Transliteration.compact(surface);
            Cluster target = null;
            List<String> words = JunkFilter.words(EntityIds.fold(surface));
            boolean oneWord = words.size() == 1;
            if (span.kb() != null) {
                if (oneWord && span.kb().type() == EntityType.PERSON) {
                    target = personWithNameEdge(clusters, words.get(0));
                }
                if (target == null) {
                    target = byKb.get(span.kb().id());
                }
            }
            if (target == null) {
                target = byName.get(key);
            }
            if (target == null && oneWord && span.type() != EntityType.LOCATION) {
                target = personWithNameEdge(clusters, words.get(0));
            }
            if (target == null && !oneWord) {
                target = transliterationOf(clusters, surface, span.type());
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
                clusters.add(target);
            }
            target.add(span, surface);
            byName.putIfAbsent(key, target);
            if (target.kb != null) {
                byKb.putIfAbsent(target.kb.id(), target);
            }
        }
        return mergeEarlyShortNames(clusters);
    }

    /**
     * A one-word name seen before the full name ("Vladimir" before "Vladimir Putin") joins the
     * person whose full name starts or ends with it, as a later mention would have.
     */
    private static List<Cluster> mergeEarlyShortNames(List<Cluster> clusters) {
        List<Cluster> out = new ArrayList<>(clusters);
        for (Cluster c : clusters) {
            if (c.kb != null || c.type() == EntityType.LOCATION
                    || c.surfaces.stream().anyMatch(s -> JunkFilter.words(s).size() != 1)) {
                continue;
            }
            String word = JunkFilter.words(EntityIds.fold(c.surfaces.get(0))).get(0);
            Cluster person = personWithNameEdge(out, word);
            if (person != null && person != c) {
                for (int i = 0; i < c.spans.size(); i++) {
                    person.add(c.spans.get(i), c.surfaces.get(i));
                }
                out.remove(c);
            }
        }
        return out;
    }

    private static Cluster personWithNameEdge(List<Cluster> clusters, String word) {
        Cluster best = null;
        for (Cluster c : clusters) {
            if (c.isPerson() && c.hasNameEdge(word) && (best == null || c.spans.size() > best.spans.size())) {
                best = c;
            }
        }
        return best;
    }

    private static Cluster transliterationOf(List<Cluster> clusters, String surface, EntityType type) {
        boolean person = type == EntityType.PERSON;
        for (Cluster c : clusters) {
            if (c.type() != type) {
                continue;
            }
            List<String> names = new ArrayList<>(c.surfaces);
            if (c.kb != null) {
                names.addAll(c.kb.names());
            }
            for (String name : names) {
                if (Transliteration.sameName(surface, name, person)) {
                    return c;
                }
            }
        }
        return null;
    }
}

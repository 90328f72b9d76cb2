package newsflow.entities;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the recogniser's type for a mention it is sure of when the mention's entity took another
 * type by majority. One name can stand for two things in one article: "Chicago" the city and
 * "Chicago" the club in "Atlanta at Chicago", "Washington" the city and the player. Such mentions
 * leave their entity and form one entity per (name, type), without the knowledge-base link of
 * the other type. Only a mention whose type the later steps kept (no knowledge-base context,
 * place noun or person's name overrode it) splits, and only as PERSON, ORGANIZATION or LOCATION.
 * Stateless and thread-safe.
 */
final class ConfidentTypes {

    /** The lowest marginal probability of a label that overrides the majority of its entity. */
    static final double MIN_CONFIDENCE = 0.9;

    private ConfidentTypes() {
    }

    /** Returns the clusters with confidently typed outliers moved to clusters of their own. */
    static List<MentionLinker.Cluster> split(String text, List<MentionLinker.Cluster> clusters, List<Span> recognised) {
        Map<Long, Span> byRange = new HashMap<>();
        for (Span s : recognised) {
            byRange.put(range(s), s);
        }
        List<MentionLinker.Cluster> out = new ArrayList<>(clusters.size());
        for (MentionLinker.Cluster c : clusters) {
            EntityType type = c.type();
            Map<EntityType, Map<String, MentionLinker.Cluster>> split = new EnumMap<>(EntityType.class);
            MentionLinker.Cluster kept = new MentionLinker.Cluster();
            kept.kb = c.kb;
            for (int i = 0; i < c.spans.size(); i++) {
                Span span = c.spans.get(i);
                String surface = c.surfaces.get(i);
                Span crf = byRange.get(range(span));
                if (crf != null && crf.type() == span.type() && span.type() != type
                        && span.type() != EntityType.MISC && crf.confidence() >= MIN_CONFIDENCE) {
                    split.computeIfAbsent(crf.type(), t -> new HashMap<>())
                            .computeIfAbsent(surface, s -> new MentionLinker.Cluster())
                            .add(new Span(span.start(), span.end(), crf.type(), null, crf.confidence()), surface);
                } else {
                    kept.add(span, surface);
                }
            }
            if (split.isEmpty()) {
                out.add(c);
                continue;
            }
            if (!kept.spans.isEmpty()) {
                out.add(kept);
            }
            split.values().forEach(bySurface -> out.addAll(bySurface.values()));
        }
        return out;
    }

    private static long range(Span s) {
        return ((long) s.start() << 32) | s.end();
    }
}

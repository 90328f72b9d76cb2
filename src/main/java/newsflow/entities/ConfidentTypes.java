package newsflow.entities;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newsflow.core.EntityType;

/**
 * Keeps the type of a mention that is sure of it when the mention's entity took another type by
 * majority: the recogniser's type where its probability is at least {@value #MIN_CONFIDENCE},
 * or a type a layout or context rule decided ({@link Span#decided()}). One name can stand for
 * two things in one article: "Chicago" the city and "Chicago" the club in "Atlanta at Chicago",
 * "NICE" the club in a headline and the city in the dateline. Such mentions leave their entity
 * and form one entity per (name, type), each keeping a knowledge-base link only of its own type.
 * A recogniser's type splits only where the later steps kept it (no knowledge-base context, place
 * noun or person's name overrode it), and only as PERSON, ORGANIZATION or LOCATION.
 * Stateless and thread-safe.
 */
final class ConfidentTypes {

    /** The lowest marginal probability of a label that overrides the majority of its entity. */
    static final double MIN_CONFIDENCE = 0.9;

    private ConfidentTypes() {
    }

    /** Returns the clusters with confidently typed outliers moved to clusters of their own. */
    static List<MentionLinker.Cluster> split(List<MentionLinker.Cluster> clusters, List<Span> recognised) {
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
                boolean sure = span.decided()
                        || crf != null && crf.type() == span.type() && crf.confidence() >= MIN_CONFIDENCE;
                if (sure && span.type() != type && span.type() != EntityType.MISC) {
                    split.computeIfAbsent(span.type(), t -> new HashMap<>())
                            .computeIfAbsent(surface, s -> new MentionLinker.Cluster())
                            .add(span.withKb(span.kb() != null && span.kb().type() == span.type() ? span.kb() : null), surface);
                } else {
                    kept.add(span, surface);
                }
            }
            if (split.isEmpty()) {
                out.add(c);
                continue;
            }
            if (!kept.spans.isEmpty()) {
                if (kept.kb != null && kept.kb.kind() != KbEntity.Kind.SEAT && kept.type() != kept.kb.type()) {
                    kept.kb = null; // "Cardiff" the club is not the city's entity
                }
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

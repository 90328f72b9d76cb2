package newsflow.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Combines the recogniser's spans with the knowledge base's matches into one clean list of
 * candidate mentions, without overlaps, by position. Stateless and thread-safe.
 *
 * <p>Rules: a KB match with the same range as a CRF span links it; the KB's type wins when it
 * does not depend on context (countries, organisations, agencies, people) or when the CRF said
 * PERSON or MISC of a place. A KB match covering CRF spans (or crossing one and longer than it)
 * replaces them. A KB match inside a longer CRF span is ignored: the longer name wins ("Kim"
 * inside "Kim Tok Hun"). A KB match where the CRF found nothing is added. A demonym span (MISC)
 * directly followed by an organisation ("North Korean" + "Foreign Ministry") becomes one
 * organisation when the organisation is a state body named by its function (a ministry, embassy
 * or armed service), since such a body is only identified with its country. Every span is first
 * cleaned by {@link JunkFilter}.
 */
final class SpanResolver {

    private SpanResolver() {
    }

    static List<Span> resolve(String text, List<Span> crfSpans, List<Span> kbMatches) {
        List<Span> crf = new ArrayList<>();
        for (Span s : splitCoordinations(text, crfSpans)) {
            Span cleaned = JunkFilter.clean(text, s);
            if (cleaned != null) {
                crf.add(cleaned);
            }
        }
        List<Span> out = new ArrayList<>(crf);
        for (Span kb : kbMatches) {
            List<Span> overlapping = out.stream().filter(kb::overlaps).toList();
            if (overlapping.isEmpty()) {
                if (!JunkFilter.isJunk(text, kb)) {
                    out.add(kb);
                }
                continue;
            }
            if (overlapping.size() == 1) {
                Span c = overlapping.get(0);
                if (c.start() == kb.start() && c.end() == kb.end()) {
                    out.set(out.indexOf(c), c.withKb(kb.kb()).withType(typeFor(kb.kb(), c.type())));
                    continue;
                }
                if (c.contains(kb) || (!kb.contains(c) && c.length() >= kb.length())) {
                    continue;
                }
            }
            EntityType crfType = overlapping.get(0).type();
            boolean sameType = overlapping.stream().allMatch(o -> o.type() == crfType);
            out.removeAll(overlapping);
            out.add(kb.withType(sameType ? typeFor(kb.kb(), crfType) : kb.kb().type()));
        }
        out.sort(Comparator.comparingInt(Span::start));
        return joinDemonymOrganisations(text, out);
    }

    /**
     * Splits "Defense Ministry and National Intelligence Service" into two spans: a CRF span joining
     * two names of two words or more with "and" is a coordination, not one name.
     */
    static List<Span> splitCoordinations(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            String t = s.text(text);
            int and = t.indexOf(" and ");
            if (and > 0 && JunkFilter.words(t.substring(0, and)).size() >= 2
                    && JunkFilter.words(t.substring(and + 5)).size() >= 2) {
                out.add(s.withRange(s.start(), s.start() + and));
                out.add(s.withRange(s.start() + and + 5, s.end()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static final java.util.Set<String> STATE_BODIES = java.util.Set.of(
            "ministry", "embassy", "consulate", "army", "navy", "force", "forces", "guard", "office", "cabinet");

    private static boolean isStateBody(String name) {
        List<String> words = JunkFilter.words(name);
        return !words.isEmpty() && STATE_BODIES.contains(JunkFilter.norm(words.get(words.size() - 1)));
    }

    private static EntityType typeFor(KbEntity entity, EntityType crfType) {
        if (entity.kind().typeFixed() || crfType == EntityType.PERSON || crfType == EntityType.MISC) {
            return entity.type();
        }
        return crfType;
    }

    private static List<Span> joinDemonymOrganisations(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (i + 1 < spans.size() && s.type() == EntityType.MISC && s.kb() == null) {
                Span next = spans.get(i + 1);
                if (next.type() == EntityType.ORGANIZATION && next.kb() == null && next.start() == s.end() + 1
                        && text.charAt(s.end()) == ' ' && isStateBody(next.text(text))) {
                    out.add(new Span(s.start(), next.end(), EntityType.ORGANIZATION, null));
                    i++;
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }
}

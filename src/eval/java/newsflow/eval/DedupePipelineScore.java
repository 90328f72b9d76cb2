package newsflow.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.dedupe.MatchKind;
import newsflow.eval.DedupeCorpus.Doc;
import newsflow.eval.DedupeCorpus.Transformation;
import newsflow.output.OutputReader.Output;

/**
 * Scores the pipeline's final verdicts on a {@link DedupeCorpus}.
 *
 * <p>The final verdict of an article is its last state: kept (the latest record on the articles
 * topic is not a tombstone) with its {@code related} links, or dropped as a duplicate of
 * {@code duplicateOf}. Every verdict is one predicted link: (duplicateOf, article) as a duplicate,
 * (related, article) as a rewrite.
 * <ul>
 *   <li>Recall of a transformation: the share of its copies whose verdict links them to their
 *       own family with the right kind (a NEAR copy dropped as a duplicate of a family member; a
 *       REWRITE copy kept and related to a family member, or dropped as a near duplicate of
 *       another rewrite of the same story, such as a truncated spun copy of a spun copy).</li>
 *   <li>Precision: the share of predicted links that join two documents of one family with the
 *       right kind for the copy (a link between two copies of one family is correct).</li>
 * </ul>
 */
public final class DedupePipelineScore {

    /** Counts of one transformation. */
    public static final class Row {
        int copies;
        int found;
        int predicted;
        int correct;

        public double recall() {
            return copies == 0 ? Double.NaN : (double) found / copies;
        }

        public double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }
    }

    /** The figures, with the wrong and missed links for inspection. */
    public record Result(Map<Transformation, Row> rows, int predicted, int correct, int copies, int found,
                         List<String> wrong, List<String> missed) {

        public double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }

        public double recall() {
            return copies == 0 ? Double.NaN : (double) found / copies;
        }

        /** Precision >= 0.99; recall >= 0.98 for wrap, edit, reorder and truncate; >= 0.90 for spinning. */
        public boolean meetsTargets() {
            if (precision() < 0.99) {
                return false;
            }
            for (Map.Entry<Transformation, Row> e : rows.entrySet()) {
                if (e.getValue().copies > 0 && e.getValue().recall() < DedupeEvaluation.targetRecall(e.getKey())) {
                    return false;
                }
            }
            return true;
        }

        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "%-14s %7s %7s %9s %10s%n", "transformation", "copies", "recall", "predicted", "precision");
            rows.forEach((t, r) -> {
                if (r.copies > 0 || r.predicted > 0) {
                    out.printf(Locale.ROOT, "%-14s %7d %7.3f %9d %10.3f%n", t.name().toLowerCase(Locale.ROOT),
                        r.copies, r.recall(), r.predicted, r.precision());
                }
            });
            out.printf(Locale.ROOT, "%-14s %7d %7.3f %9d %10.3f%n", "all", copies, recall(), predicted, precision());
            if (!wrong.isEmpty()) {
                out.println("wrong links (first 20): " + wrong.subList(0, Math.min(20, wrong.size())));
            }
            if (!missed.isEmpty()) {
                out.println("missed copies (first 30): " + missed.subList(0, Math.min(30, missed.size())));
            }
            out.println(meetsTargets() ? "targets: met" : "targets: NOT met");
        }
    }

    private DedupePipelineScore() {
    }

    /**
     * @param docOfArticle article id (as the pipeline keys it) to corpus document id
     * @param outputs      every output record of the run, in the order read
     */
    public static Result score(DedupeCorpus corpus, Map<String, String> docOfArticle, List<Output> outputs) {
        return score(corpus, docOfArticle, outputs, false);
    }

    /**
     * @param onlyCleaned score only the copies whose page and whose base's page both passed the
     *                    clean stage (a dead-lettered page cannot be deduplicated)
     */
    public static Result score(DedupeCorpus corpus, Map<String, String> docOfArticle, List<Output> outputs,
                               boolean onlyCleaned) {
        Objects.requireNonNull(corpus, "corpus");
        Map<String, Doc> docs = new HashMap<>();
        corpus.docs().forEach(d -> docs.put(d.id(), d));
        java.util.Set<String> deadLettered = new java.util.HashSet<>();
        for (Output o : outputs) {
            if (o.topic().endsWith("deadletter") && o.value() != null && o.value().has("original")) {
                String url = urlOf(o.value().get("original").asText());
                String doc = url == null ? null : docOfArticle.get(newsflow.ingest.ArticleIds.idOf(url));
                if (doc != null) {
                    deadLettered.add(doc);
                }
            }
        }
        Map<String, JsonNode> live = new LinkedHashMap<>();
        Map<String, JsonNode> dropped = new LinkedHashMap<>();
        for (Output o : outputs) {
            if (o.topic().endsWith("articles")) {
                if (o.value() == null) {
                    live.remove(o.key());
                } else {
                    live.put(o.key(), o.value());
                }
            } else if (o.topic().endsWith("duplicates")) {
                dropped.put(o.key(), o.value());
            }
        }
        dropped.keySet().removeAll(live.keySet());

        // Predicted links: (original doc, copy doc) -> kind.
        Map<String, MatchKind> links = new LinkedHashMap<>();
        dropped.forEach((id, v) -> link(links, docOfArticle, v.get("duplicateOf").asText(), id, MatchKind.NEAR));
        live.forEach((id, v) -> v.path("related").forEach(r -> link(links, docOfArticle, r.get("id").asText(), id, MatchKind.REWRITE)));

        Map<Transformation, Row> rows = new EnumMap<>(Transformation.class);
        for (Transformation t : Transformation.values()) {
            if (t != Transformation.ORIGINAL) {
                rows.put(t, new Row());
            }
        }
        int correct = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, MatchKind> e : links.entrySet()) {
            String[] pair = e.getKey().split("\\|");
            Doc original = docs.get(pair[0]);
            Doc copy = docs.get(pair[1]);
            boolean ok = original != null && copy != null && original.family().equals(copy.family())
                && (copy.transformation() == Transformation.ORIGINAL || original.transformation() != Transformation.ORIGINAL
                    || expectedKind(copy) == e.getValue());
            correct += ok ? 1 : 0;
            if (!ok) {
                wrong.add(e.getKey() + "=" + e.getValue());
            }
            for (Doc d : new Doc[] {original, copy}) {
                if (d != null && d.transformation() != Transformation.ORIGINAL) {
                    rows.get(d.transformation()).predicted++;
                    rows.get(d.transformation()).correct += ok ? 1 : 0;
                }
            }
        }
        Map<String, String> articleOfDoc = new HashMap<>();
        docOfArticle.forEach((article, doc) -> articleOfDoc.put(doc, article));
        int copies = 0;
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (Doc d : corpus.docs()) {
            if (d.transformation() == Transformation.ORIGINAL
                || onlyCleaned && (deadLettered.contains(d.id()) || deadLettered.contains(d.family()))) {
                continue;
            }
            Row row = rows.get(d.transformation());
            row.copies++;
            copies++;
            boolean hit = links.entrySet().stream().anyMatch(e -> {
                String[] pair = e.getKey().split("\\|");
                Doc other = docs.get(pair[0]);
                if (!pair[1].equals(d.id()) || other == null || !other.family().equals(d.family())) {
                    return false;
                }
                // A rewrite dropped as a near duplicate of another rewrite of its story (a
                // truncated spun copy of a spun copy) is linked to its story correctly.
                boolean copyOfARewrite = e.getValue() == MatchKind.NEAR && expectedKind(d) == MatchKind.REWRITE
                    && other.transformation() != Transformation.ORIGINAL && expectedKind(other) == MatchKind.REWRITE;
                return e.getValue() == expectedKind(d) || copyOfARewrite;
            });
            if (hit) {
                row.found++;
                found++;
            } else {
                missed.add(d.id());
            }
        }
        return new Result(rows, links.size(), correct, copies, found, wrong, missed);
    }

    private static String urlOf(String rawJson) {
        try {
            JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rawJson);
            return node.path("url").isTextual() ? node.get("url").asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** NEAR and EXACT both mean "dropped": the pipeline reports the kind of drop separately. */
    private static MatchKind expectedKind(Doc d) {
        MatchKind k = d.transformation().expected();
        return k == MatchKind.EXACT ? MatchKind.NEAR : k;
    }

    private static void link(Map<String, MatchKind> links, Map<String, String> docOfArticle,
                             String originalArticle, String copyArticle, MatchKind kind) {
        String original = docOfArticle.getOrDefault(originalArticle, originalArticle);
        String copy = docOfArticle.getOrDefault(copyArticle, copyArticle);
        links.put(original + "|" + copy, kind);
    }
}

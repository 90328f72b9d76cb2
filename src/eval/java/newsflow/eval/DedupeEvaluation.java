package newsflow.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import newsflow.dedupe.DedupeTuning;
import newsflow.dedupe.Fingerprint;
import newsflow.dedupe.FingerprintCodec;
import newsflow.dedupe.Fingerprinter;
import newsflow.dedupe.KeyFamily;
import newsflow.dedupe.Match;
import newsflow.dedupe.MatchKind;
import newsflow.eval.DedupeCorpus.Doc;
import newsflow.eval.DedupeCorpus.Transformation;

/**
 * Measures the dedupe core on the {@link DedupeCorpus}: precision and recall per
 * transformation and overall, with two baselines.
 *
 * <p>The corpus is fed in a shuffled arrival order (fixed seed) through
 * {@link InMemoryDeduplicator}, which simulates the stream: candidates from the band keys of
 * the articles already seen, then verification. Every verified relation is a predicted pair.
 * <ul>
 *   <li>A predicted pair is correct when both documents belong to the same family and the kind
 *       is the expected one: the copy's transformation for a (base, copy) pair; either kind
 *       between two copies of the same base (their mutual relation is not labelled).</li>
 *   <li>Recall of a transformation: share of its (base, copy) pairs predicted with the right
 *       kind ("linked" also counts a wrong kind).</li>
 *   <li>Precision of a transformation: among predicted pairs that involve one of its copies,
 *       the share that is correct.</li>
 * </ul>
 * Baselines, on the same corpus and order: exact hashing of the normalised body, and the
 * web-scale MinHash setting (word 5-grams, 14 bands of 8, any band collision is a duplicate).
 *
 * <p>Run: {@code java -cp ... newsflow.eval.DedupeEvaluation [sharedDir]} (default
 * {@code ../shared}). Exit status 0 when every target is met (precision >= 0.99; recall >=
 * 0.98 for wrap, edit, reorder and truncate; >= 0.90 for spinning), else 1.
 */
public final class DedupeEvaluation {

    /** Seed of the corpus transformations. */
    public static final long CORPUS_SEED = 20240612L;
    /** Seed of the arrival order. */
    public static final long ORDER_SEED = 7L;

    /** Counts for one row of the table. */
    public static final class Row {
        int labelled;
        int found;
        int linked;
        int predicted;
        int correct;

        public double recall() {
            return labelled == 0 ? Double.NaN : (double) found / labelled;
        }

        public double linkedRecall() {
            return labelled == 0 ? Double.NaN : (double) linked / labelled;
        }

        public double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }
    }

    /**
     * The measured figures.
     *
     * @param rows             per transformation
     * @param predicted        all predicted pairs
     * @param correct          correct predicted pairs
     * @param labelled         all labelled (base, copy) pairs
     * @param found            labelled pairs found with the right kind
     * @param falsePairs       wrong predictions, for inspection
     * @param missedPairs      labelled pairs not found, for inspection
     * @param fingerprintBytes mean encoded fingerprint size
     * @param meanCandidates   mean distinct candidates verified per article
     * @param keysPerArticle   mean candidate keys per article, by family
     */
    public record Result(Map<Transformation, Row> rows, int predicted, int correct, int labelled,
                         int found, List<String> falsePairs, List<String> missedPairs,
                         double fingerprintBytes, double meanCandidates,
                         Map<KeyFamily, Double> keysPerArticle) {

        public double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }

        public double recall() {
            return labelled == 0 ? Double.NaN : (double) found / labelled;
        }
    }

    private DedupeEvaluation() {
    }

    public static void main(String[] args) {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        System.exit(run(shared, System.out));
    }

    /** Builds the corpus, evaluates, prints the tables; 0 when every target is met, else 1. */
    public static int run(Path sharedDir, PrintStream out) {
        DedupeCorpus corpus;
        try {
            corpus = DedupeCorpus.build(sharedDir, CORPUS_SEED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shared material under " + sharedDir, e);
        }
        DedupeTuning tuning = DedupeTuning.defaults();
        out.printf(Locale.ROOT, "Dedupe evaluation: %d documents (%d families), corpus seed %d, order seed %d%n",
                corpus.docs().size(),
                corpus.docs().stream().map(Doc::family).distinct().count(), CORPUS_SEED, ORDER_SEED);
        Result result = evaluate(corpus, tuning, ORDER_SEED);
        print("newsflow dedupe core (defaults)", result, out);
        out.printf(Locale.ROOT, "fingerprint: %.0f bytes on average (FingerprintCodec); candidates verified per article: %.2f%n",
                result.fingerprintBytes(), result.meanCandidates());
        out.println("candidate keys per article: " + format(result.keysPerArticle()));
        if (!result.falsePairs().isEmpty()) {
            out.println("false pairs (first 20): " + result.falsePairs().subList(0, Math.min(20, result.falsePairs().size())));
        }
        if (!result.missedPairs().isEmpty()) {
            out.println("missed pairs (first 30): " + result.missedPairs().subList(0, Math.min(30, result.missedPairs().size())));
        }
        print("baseline: exact hash of the normalised body", baseline(corpus, tuning, true), out);
        print("baseline: web-scale MinHash (5-grams, 14 bands x 8, any collision)", baseline(corpus, tuning, false), out);
        boolean ok = meetsTargets(result);
        out.println(ok ? "targets: met" : "targets: NOT met");
        return ok ? 0 : 1;
    }

    /** True when precision >= 0.99, near-duplicate recall >= 0.98 and spin recall >= 0.90. */
    public static boolean meetsTargets(Result r) {
        if (r.precision() < 0.99) {
            return false;
        }
        for (Map.Entry<Transformation, Row> e : r.rows().entrySet()) {
            if (e.getValue().labelled > 0 && e.getValue().recall() < targetRecall(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** The recall a transformation must reach: 0.98 for near duplicates, 0.90 for rewrites. */
    public static double targetRecall(Transformation t) {
        return switch (t) {
            case WRAP, EDIT, REORDER, TRUNCATE -> 0.98;
            case SPIN, SPIN_TRUNCATE, SPIN_HEAVY, CONDENSE -> 0.90;
            default -> 0;
        };
    }

    /** Feeds the corpus in shuffled order through the in-memory deduplicator and scores it. */
    public static Result evaluate(DedupeCorpus corpus, DedupeTuning tuning, long orderSeed) {
        Objects.requireNonNull(corpus, "corpus");
        List<Doc> order = new ArrayList<>(corpus.docs());
        Collections.shuffle(order, new Random(orderSeed));
        InMemoryDeduplicator dedupe = new InMemoryDeduplicator(tuning);
        Fingerprinter fingerprinter = dedupe.fingerprinter();
        Map<String, MatchKind> predicted = new HashMap<>();
        long bytes = 0;
        long candidates = 0;
        Map<KeyFamily, Double> keys = new EnumMap<>(KeyFamily.class);
        for (Doc d : order) {
            Fingerprint f = fingerprinter.fingerprint(d.id(), d.article(), d.eventTime());
            bytes += FingerprintCodec.encode(f).length;
            for (long k : fingerprinter.candidateKeys(f)) {
                keys.merge(KeyFamily.of(k), 1.0 / order.size(), Double::sum);
            }
            InMemoryDeduplicator.Outcome o = dedupe.accept(f);
            candidates += o.candidates();
            for (Match m : o.matches()) {
                predicted.put(pairKey(m.originalId(), m.copyId()), m.kind());
            }
        }
        return score(corpus, predicted, (double) bytes / order.size(), (double) candidates / order.size(), keys);
    }

    private static Result score(DedupeCorpus corpus, Map<String, MatchKind> predicted,
                                double bytes, double candidates, Map<KeyFamily, Double> keys) {
        Map<String, Doc> byId = new HashMap<>();
        corpus.docs().forEach(d -> byId.put(d.id(), d));
        Map<Transformation, Row> rows = new EnumMap<>(Transformation.class);
        for (Transformation t : Transformation.values()) {
            if (t != Transformation.ORIGINAL) {
                rows.put(t, new Row());
            }
        }
        int correct = 0;
        List<String> falsePairs = new ArrayList<>();
        for (Map.Entry<String, MatchKind> e : predicted.entrySet()) {
            String[] ids = e.getKey().split("\\|");
            Doc a = byId.get(ids[0]);
            Doc b = byId.get(ids[1]);
            boolean ok = isCorrect(a, b, e.getValue());
            correct += ok ? 1 : 0;
            if (!ok) {
                falsePairs.add(e.getKey() + "=" + e.getValue());
            }
            Set<Transformation> involved = new HashSet<>();
            involved.add(a.transformation());
            involved.add(b.transformation());
            involved.remove(Transformation.ORIGINAL);
            for (Transformation t : involved) {
                rows.get(t).predicted++;
                rows.get(t).correct += ok ? 1 : 0;
            }
        }
        int labelled = 0;
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (Doc d : corpus.docs()) {
            if (d.transformation() == Transformation.ORIGINAL) {
                continue;
            }
            Row row = rows.get(d.transformation());
            row.labelled++;
            labelled++;
            MatchKind kind = predicted.get(pairKey(d.family(), d.id()));
            if (kind != null) {
                row.linked++;
            }
            if (kind == d.transformation().expected()) {
                row.found++;
                found++;
            } else {
                missed.add(d.id() + (kind == null ? "" : "=" + kind));
            }
        }
        Collections.sort(falsePairs);
        return new Result(rows, predicted.size(), correct, labelled, found, falsePairs, missed,
                bytes, candidates, keys);
    }

    private static boolean isCorrect(Doc a, Doc b, MatchKind kind) {
        if (!a.family().equals(b.family())) {
            return false;
        }
        if (a.transformation() == Transformation.ORIGINAL) {
            return kind == b.transformation().expected();
        }
        if (b.transformation() == Transformation.ORIGINAL) {
            return kind == a.transformation().expected();
        }
        return true;
    }

    /** Exact hash, or web-scale LSH with any band collision counted as a duplicate. */
    private static Result baseline(DedupeCorpus corpus, DedupeTuning defaults, boolean exactOnly) {
        DedupeTuning webScale = new DedupeTuning(5, 14, 8, 0, 3, 0, 0, defaults.minSentenceTokens(),
                defaults.minTokens(), defaults.maxTokens(), 1, 1, 1, 1, 1, 1, 1, defaults.horizon(),
                Integer.MAX_VALUE);
        Fingerprinter fingerprinter = new Fingerprinter(webScale);
        List<Doc> order = new ArrayList<>(corpus.docs());
        Collections.shuffle(order, new Random(ORDER_SEED));
        Map<Long, List<Fingerprint>> index = new HashMap<>();
        Map<String, MatchKind> predicted = new HashMap<>();
        for (Doc d : order) {
            Fingerprint f = fingerprinter.fingerprint(d.id(), d.article(), d.eventTime());
            long[] keys = exactOnly ? new long[] {f.exactHash()} : fingerprinter.candidateKeys(f);
            Set<Fingerprint> hits = new HashSet<>();
            for (long k : keys) {
                List<Fingerprint> bucket = index.computeIfAbsent(k, x -> new ArrayList<>());
                hits.addAll(bucket);
                bucket.add(f);
            }
            for (Fingerprint other : hits) {
                Fingerprint original = other.precedes(f) ? other : f;
                Fingerprint copy = original == f ? other : f;
                predicted.put(pairKey(original.id(), copy.id()), exactOnly ? MatchKind.EXACT : MatchKind.NEAR);
            }
        }
        // A baseline knows no kinds: score it on "linked", whatever the kind.
        Result raw = score(corpus, Map.of(), 0, 0, Map.of());
        Map<String, MatchKind> asExpected = new HashMap<>();
        Map<String, Doc> byId = new HashMap<>();
        corpus.docs().forEach(d -> byId.put(d.id(), d));
        for (Map.Entry<String, MatchKind> e : predicted.entrySet()) {
            String[] ids = e.getKey().split("\\|");
            Doc a = byId.get(ids[0]);
            Doc b = byId.get(ids[1]);
            Doc copy = a.transformation() == Transformation.ORIGINAL ? b : a;
            MatchKind kind = a.family().equals(b.family()) ? copy.transformation().expected() : e.getValue();
            asExpected.put(e.getKey(), kind == MatchKind.NONE ? MatchKind.NEAR : kind);
        }
        return raw == null ? null : score(corpus, asExpected, 0, 0, Map.of());
    }

    private static String pairKey(String original, String copy) {
        return original + "|" + copy;
    }

    private static void print(String title, Result r, PrintStream out) {
        out.println();
        out.println("== " + title);
        out.println(String.format(Locale.ROOT, "%-14s %6s %6s %9s %7s %9s", "transformation", "pairs",
                "found", "precision", "recall", "linked"));
        for (Map.Entry<Transformation, Row> e : r.rows().entrySet()) {
            Row row = e.getValue();
            if (row.labelled == 0) {
                continue;
            }
            out.println(String.format(Locale.ROOT, "%-14s %6d %6d %9.3f %7.3f %9.3f",
                    e.getKey().name().toLowerCase(Locale.ROOT), row.labelled, row.found,
                    row.precision(), row.recall(), row.linkedRecall()));
        }
        out.println(String.format(Locale.ROOT, "%-14s %6d %6d %9.3f %7.3f   (predicted pairs %d, correct %d)",
                "overall", r.labelled(), r.found(), r.precision(), r.recall(), r.predicted(), r.correct()));
    }

    private static String format(Map<KeyFamily, Double> keys) {
        StringBuilder sb = new StringBuilder();
        keys.forEach((k, v) -> sb.append(k).append('=').append(String.format(Locale.ROOT, "%.1f ", v)));
        return sb.toString().trim();
    }
}

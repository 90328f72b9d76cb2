package newsflow.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import newsflow.core.EntityType;
import newsflow.core.Mention;
import newsflow.core.TaggedEntity;
import newsflow.entities.EntityTagger;
import newsflow.entities.NewsEntityTagger;

/**
 * Measures an {@link EntityTagger} on a CoNLL-format file: precision, recall and F1 per type and
 * overall, at span level (exact offsets and type) and at document level (the set of
 * (mention string, type) pairs of each document, micro-averaged over documents). The overall
 * figures are over PERSON, ORGANIZATION and LOCATION; MISC is reported on its own line.
 *
 * <p>Each document's text is rebuilt from its tokens ({@link EntityConllCorpus}) and tagged with
 * no title. Run: {@code java -cp ... newsflow.eval.EntityEvaluation file.conll}.
 */
public final class EntityEvaluation {

    private static final Set<EntityType> MAIN_TYPES =
            Set.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION);

    private EntityEvaluation() {
    }

    /** Counts of one comparison; mutable, not thread-safe. */
    static final class Counts {
        long tp;
        long fp;
        long fn;

        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private record Key(String surface, int start, int end, EntityType type) {
    }

    /**
     * The scores of one run: span and document level, per type, and the document-level errors
     * ("missed" and "spurious" lines with the document number) in document order.
     */
    record Result(Map<EntityType, Counts> span, Map<EntityType, Counts> document, int documents,
                  List<String> errors) {
        Counts overall(Map<EntityType, Counts> byType) {
            Counts all = new Counts();
            for (EntityType t : MAIN_TYPES) {
                Counts c = byType.get(t);
                all.tp += c.tp;
                all.fp += c.fp;
                all.fn += c.fn;
            }
            return all;
        }
    }

    /** Evaluates and prints the report; returns 0, or 2 if the file holds no document. */
    public static int run(Path conllFile, EntityTagger tagger, PrintStream out) throws IOException {
        return run(conllFile, tagger, out, 0);
    }

    /**
     * Evaluates and prints the report, then up to {@code errors} document-level errors (PERSON,
     * ORGANIZATION and LOCATION); returns 0, or 2 if the file holds no document.
     */
    public static int run(Path conllFile, EntityTagger tagger, PrintStream out, int errors) throws IOException {
        return run(conllFile, tagger, out, errors, Documents.ALL);
    }

    /**
     * Which documents of a file to score. {@code valid.txt} is split once by a fixed hash of the
     * document's index (MD5 of its decimal index, mod 5): the fifth where it is 0 is kept aside
     * as the validation part (never used to train or choose a model: see
     * {@code training/ner/train.py}); the rest chooses models and rules.
     */
    public enum Documents {
        ALL, HELDOUT, CHOICE;

        boolean includes(int index) {
            return switch (this) {
                case ALL -> true;
                case HELDOUT -> heldOut(index);
                case CHOICE -> !heldOut(index);
            };
        }

        static boolean heldOut(int index) {
            try {
                byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest(String.valueOf(index).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return new java.math.BigInteger(1, md5).mod(java.math.BigInteger.valueOf(5)).signum() == 0;
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** As {@link #run(Path, EntityTagger, PrintStream, int)}, on the chosen documents only. */
    public static int run(Path conllFile, EntityTagger tagger, PrintStream out, int errors, Documents which)
            throws IOException {
        Objects.requireNonNull(tagger, "tagger");
        Objects.requireNonNull(out, "out");
        List<EntityConllCorpus.Document> all = EntityConllCorpus.read(conllFile);
        List<EntityConllCorpus.Document> docs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (which.includes(i)) {
                docs.add(all.get(i));
            }
        }
        if (which != Documents.ALL) {
            out.printf(Locale.ROOT, "documents: %s, %d of %d%n", which.name().toLowerCase(Locale.ROOT), docs.size(), all.size());
        }
        if (docs.isEmpty()) {
            out.println("no documents in " + conllFile);
            return 2;
        }
        Result result = evaluate(docs, tagger);
        print(conllFile, result, out);
        if (errors > 0) {
            out.printf(Locale.ROOT, "document-level errors (first %d of %d)%n",
                    Math.min(errors, result.errors().size()), result.errors().size());
            result.errors().stream().limit(errors).forEach(e -> out.println("  " + e));
        }
        return 0;
    }

    static Result evaluate(List<EntityConllCorpus.Document> docs, EntityTagger tagger) {
        Map<EntityType, Counts> span = emptyCounts();
        Map<EntityType, Counts> document = emptyCounts();
        List<String> errors = new ArrayList<>();
        int docNo = 0;
        for (EntityConllCorpus.Document doc : docs) {
            docNo++;
            Set<Key> gold = new HashSet<>();
            for (EntityConllCorpus.GoldSpan g : doc.gold()) {
                gold.add(new Key(doc.text().substring(g.start(), g.end()), g.start(), g.end(), g.type()));
            }
            Set<Key> predicted = new HashSet<>();
            for (TaggedEntity e : tagger.tag(null, doc.text())) {
                for (Mention m : e.mentions()) {
                    predicted.add(new Key(m.text(), m.start(), m.end(), e.type()));
                }
            }
            compare(gold, predicted, span);
            Set<Key> goldDoc = asDocumentSet(gold);
            Set<Key> predictedDoc = asDocumentSet(predicted);
            compare(goldDoc, predictedDoc, document);
            listErrors(docNo, goldDoc, predictedDoc, errors);
        }
        return new Result(span, document, docs.size(), List.copyOf(errors));
    }

    private static Set<Key> asDocumentSet(Set<Key> keys) {
        Set<Key> out = new HashSet<>();
        for (Key k : keys) {
            out.add(new Key(k.surface(), -1, -1, k.type()));
        }
        return out;
    }

    /** One document's errors, by type name and mention, as "doc N missed|spurious TYPE mention". */
    private static void listErrors(int docNo, Set<Key> gold, Set<Key> predicted, List<String> into) {
        Map<Key, String> errors = new java.util.TreeMap<>(
                java.util.Comparator.comparing((Key k) -> k.type().name()).thenComparing(Key::surface));
        gold.stream().filter(k -> MAIN_TYPES.contains(k.type()) && !predicted.contains(k))
                .forEach(k -> errors.put(k, "missed  "));
        predicted.stream().filter(k -> MAIN_TYPES.contains(k.type()) && !gold.contains(k))
                .forEach(k -> errors.put(k, "spurious"));
        errors.forEach((k, kind) -> into.add(
                String.format(Locale.ROOT, "doc %d %s %-13s %s", docNo, kind, k.type(), k.surface())));
    }

    private static void compare(Set<Key> gold, Set<Key> predicted, Map<EntityType, Counts> counts) {
        for (Key k : predicted) {
            if (gold.contains(k)) {
                counts.get(k.type()).tp++;
            } else {
                counts.get(k.type()).fp++;
            }
        }
        for (Key k : gold) {
            if (!predicted.contains(k)) {
                counts.get(k.type()).fn++;
            }
        }
    }

    private static Map<EntityType, Counts> emptyCounts() {
        Map<EntityType, Counts> m = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            m.put(t, new Counts());
        }
        return m;
    }

    private static void print(Path file, Result r, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %d documents%n", file, r.documents());
        printLevel("span level", r.span(), r, out);
        printLevel("document level (set of mention string and type per document)", r.document(), r, out);
    }

    private static void printLevel(String title, Map<EntityType, Counts> byType, Result r, PrintStream out) {
        out.println(title);
        out.printf(Locale.ROOT, "  %-14s %9s %9s %9s %7s %7s %7s%n", "type", "precision", "recall", "F1", "tp", "fp", "fn");
        for (EntityType t : List.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION)) {
            line(t.name(), byType.get(t), out);
        }
        line("OVERALL(P/O/L)", r.overall(byType), out);
        line("MISC", byType.get(EntityType.MISC), out);
    }

    private static void line(String label, Counts c, PrintStream out) {
        out.printf(Locale.ROOT, "  %-14s %9.4f %9.4f %9.4f %7d %7d %7d%n",
                label, c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: EntityEvaluation <file.conll>");
            System.exit(64);
        }
        System.exit(run(Path.of(args[0]), NewsEntityTagger.load(), System.out));
    }
}

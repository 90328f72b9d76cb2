package newsflow.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import newsflow.core.DedupeVerdict;
import newsflow.core.RelatedArticle;
import newsflow.dedupe.DedupeTuning;
import newsflow.dedupe.Fingerprint;
import newsflow.dedupe.Fingerprinter;
import newsflow.dedupe.Match;
import newsflow.dedupe.MatchKind;
import newsflow.dedupe.Relation;
import newsflow.dedupe.VerdictPolicy;
import newsflow.dedupe.Verifier;

/**
 * Single-threaded, in-memory simulation of the streaming dedupe stage for evaluation: a band
 * index keyed by candidate key, a fingerprint store keyed by id, and one {@link Outcome} per
 * accepted article, decided by the stage's own {@link VerdictPolicy}.
 *
 * <p>The Kafka Streams stage implements the same steps with stores (see the package
 * documentation); the evaluation and the tests use this class to simulate the stream. Not
 * thread-safe. Memory grows with the articles accepted within the horizon; older entries are
 * evicted as stream time (the largest event time seen) advances.
 *
 * <p>Per article: look up every candidate key; a bucket already holding {@code bucketCap}
 * entries yields nothing and stops growing; candidates more than {@code horizon} away in event
 * time are ignored; each distinct candidate is verified once. The verdict is
 * {@link VerdictPolicy#decide} on the matches found. It is decided once, when the article
 * arrives: where the stream revises a copy that arrived before its original, the late
 * original's matches name the copy ({@link Outcome#matches()}), which is what the evaluation
 * scores.
 */
public final class InMemoryDeduplicator {

    /**
     * The verdict for one article.
     *
     * @param id          the article
     * @param duplicateOf the original it duplicates, or {@code null} when kept
     * @param kind        EXACT or NEAR when dropped, else NONE or REWRITE (the best relation)
     * @param similarity  the similarity of the chosen relation
     * @param storyId     story the article belongs to
     * @param related     REWRITE matches, best first
     * @param matches     every verified relation other than NONE, including those where this
     *                    article is the original
     * @param candidates  distinct candidates verified
     */
    public record Outcome(String id, String duplicateOf, MatchKind kind, double similarity,
                          String storyId, List<Match> related, List<Match> matches, int candidates) {
    }

    private record Entry(Fingerprint fingerprint) {
    }

    private final Fingerprinter fingerprinter;
    private final Verifier verifier;
    private final long horizonMillis;
    private final int bucketCap;
    private final Map<Long, List<String>> buckets = new HashMap<>();
    private final Map<String, Entry> entries = new HashMap<>();
    private long streamTime = Long.MIN_VALUE;
    private long lastEviction = Long.MIN_VALUE;

    public InMemoryDeduplicator(DedupeTuning tuning) {
        Objects.requireNonNull(tuning, "tuning");
        this.fingerprinter = new Fingerprinter(tuning);
        this.verifier = new Verifier(tuning);
        this.horizonMillis = tuning.horizon().toMillis();
        this.bucketCap = tuning.bucketCap();
    }

    public Fingerprinter fingerprinter() {
        return fingerprinter;
    }

    /** Accepts one article, returns its verdict and indexes it. */
    public Outcome accept(Fingerprint f) {
        Objects.requireNonNull(f, "f");
        if (entries.containsKey(f.id())) {
            throw new IllegalArgumentException("article already accepted: " + f.id());
        }
        Set<String> candidates = new LinkedHashSet<>();
        for (long key : fingerprinter.candidateKeys(f)) {
            List<String> bucket = buckets.computeIfAbsent(key, k -> new ArrayList<>(2));
            if (bucket.size() >= bucketCap) {
                continue;
            }
            candidates.addAll(bucket);
            bucket.add(f.id());
        }
        // Exact copies must meet even below minTokens, where there are no band keys.
        List<String> exactBucket = buckets.computeIfAbsent(f.exactHash(), k -> new ArrayList<>(2));
        if (exactBucket.size() < bucketCap) {
            candidates.addAll(exactBucket);
            exactBucket.add(f.id());
        }
        List<Match> matches = new ArrayList<>();
        Verifier.Prepared incoming = verifier.prepare(f);
        for (String id : candidates) {
            Entry other = entries.get(id);
            if (other == null || Math.abs(other.fingerprint.eventTime() - f.eventTime()) > horizonMillis) {
                continue;
            }
            Match m = verifier.verify(incoming, verifier.prepare(other.fingerprint));
            if (m.kind() != MatchKind.NONE) {
                matches.add(m);
            }
        }
        Outcome outcome = decide(f, matches, candidates.size());
        entries.put(f.id(), new Entry(f));
        advance(f.eventTime());
        return outcome;
    }

    /** The verdict of {@link VerdictPolicy}, the one the streaming stage applies, on this article's matches. */
    private Outcome decide(Fingerprint f, List<Match> matches, int candidateCount) {
        List<Relation> relations = new ArrayList<>();
        for (Match m : matches) {
            Entry other = entries.get(m.other(f.id()));
            long otherTime = other.fingerprint.eventTime();
            boolean isCopy = m.copyId().equals(f.id());
            relations.add(Relation.of(m, isCopy ? otherTime : f.eventTime(), isCopy ? f.eventTime() : otherTime));
        }
        DedupeVerdict v = VerdictPolicy.decide(f.id(), null, relations);
        List<Match> related = new ArrayList<>();
        for (RelatedArticle r : v.related()) {
            matches.stream().filter(m -> m.originalId().equals(r.id()) && m.copyId().equals(f.id()))
                .findFirst().ifPresent(related::add);
        }
        if (v.isDuplicate()) {
            return new Outcome(f.id(), v.duplicateOf(), MatchKind.valueOf(v.kind().name()), v.similarity(),
                v.storyId(), List.copyOf(related), List.copyOf(matches), candidateCount);
        }
        MatchKind kind = related.isEmpty() ? MatchKind.NONE : MatchKind.REWRITE;
        double similarity = related.isEmpty() ? 0 : related.get(0).similarity();
        return new Outcome(f.id(), null, kind, similarity, v.storyId(), List.copyOf(related),
                List.copyOf(matches), candidateCount);
    }

    /** Drops entries older than the horizon behind stream time, at most once per horizon/8. */
    private void advance(long eventTime) {
        streamTime = Math.max(streamTime, eventTime);
        if (lastEviction != Long.MIN_VALUE && streamTime - lastEviction < horizonMillis / 8) {
            return;
        }
        lastEviction = streamTime;
        long limit = streamTime - horizonMillis;
        entries.values().removeIf(e -> e.fingerprint.eventTime() < limit);
        buckets.values().forEach(b -> b.removeIf(id -> !entries.containsKey(id)));
        buckets.values().removeIf(List::isEmpty);
    }

    /** Articles currently indexed. */
    public int size() {
        return entries.size();
    }
}

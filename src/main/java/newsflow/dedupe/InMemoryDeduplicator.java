package newsflow.dedupe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Single-threaded, in-memory reference of the streaming dedupe semantics: a band index keyed by
 * candidate key, a fingerprint store keyed by id, and one {@link Outcome} per accepted article.
 *
 * <p>The Kafka Streams stage implements the same steps with stores (see the package
 * documentation); the evaluation and the tests use this class to simulate the stream. Not
 * thread-safe. Memory grows with the articles accepted within the horizon; older entries are
 * evicted as stream time (the largest event time seen) advances.
 *
 * <p>Per article: look up every candidate key; a bucket already holding {@code bucketCap}
 * entries yields nothing and stops growing; candidates more than {@code horizon} away in event
 * time are ignored; each distinct candidate is verified once. The verdict:
 * <ul>
 *   <li>{@code duplicateOf}: among EXACT/NEAR matches where this article is the copy, the one
 *       with the highest similarity (EXACT first), resolved to its own original when that one
 *       was itself a duplicate;</li>
 *   <li>{@code related}: REWRITE matches, best first;</li>
 *   <li>{@code storyId}: the story of the earliest related or duplicated article, else the
 *       article's own id.</li>
 * </ul>
 * When the copy arrived first, the late original gets no {@code duplicateOf} but its matches
 * name the copy ({@link Outcome#matches()}): the stream has already emitted the copy as kept.
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

    private record Entry(Fingerprint fingerprint, String duplicateOf, String storyId) {
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
        entries.put(f.id(), new Entry(f, outcome.duplicateOf(), outcome.storyId()));
        advance(f.eventTime());
        return outcome;
    }

    private Outcome decide(Fingerprint f, List<Match> matches, int candidateCount) {
        Match duplicate = null;
        List<Match> related = new ArrayList<>();
        String storyId = f.id();
        long storyTime = f.eventTime();
        for (Match m : matches) {
            boolean isCopy = m.copyId().equals(f.id());
            if (isCopy && m.kind().isDuplicate()) {
                if (duplicate == null || rank(m) > rank(duplicate)) {
                    duplicate = m;
                }
            } else if (m.kind() == MatchKind.REWRITE) {
                related.add(m);
            }
            Entry other = entries.get(m.other(f.id()));
            Entry story = entries.get(other.storyId);
            long t = story != null ? story.fingerprint.eventTime() : other.fingerprint.eventTime();
            if (t < storyTime || (t == storyTime && other.storyId.compareTo(storyId) < 0)) {
                storyTime = t;
                storyId = other.storyId;
            }
        }
        related.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
        if (duplicate != null) {
            String root = duplicate.originalId();
            Entry e = entries.get(root);
            while (e != null && e.duplicateOf != null) {
                root = e.duplicateOf;
                e = entries.get(root);
            }
            return new Outcome(f.id(), root, duplicate.kind(), duplicate.similarity(), storyId,
                    List.copyOf(related), List.copyOf(matches), candidateCount);
        }
        MatchKind kind = related.isEmpty() ? MatchKind.NONE : MatchKind.REWRITE;
        double similarity = related.isEmpty() ? 0 : related.get(0).similarity();
        return new Outcome(f.id(), null, kind, similarity, storyId, List.copyOf(related),
                List.copyOf(matches), candidateCount);
    }

    private static double rank(Match m) {
        return (m.kind() == MatchKind.EXACT ? 2 : 0) + m.similarity();
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

package newsflow.dedupe.stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

import newsflow.core.RecordFailure;
import newsflow.core.headers.RawSource;
import newsflow.core.state.ExpiryIndex;
import newsflow.dedupe.FingerprintCodec;
import newsflow.dedupe.Match;
import newsflow.dedupe.MatchKind;
import newsflow.dedupe.Relation;
import newsflow.dedupe.Verifier;
import newsflow.dedupe.stage.DedupeMessages.Event;
import newsflow.dedupe.stage.DedupeMessages.Probe;
import newsflow.dedupe.stage.DedupeMessages.ShardEntry;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 2 of the dedupe stage, on a band shard's partition: looks up the articles already
 * indexed under the probe's keys, verifies each candidate against the prober, indexes the
 * prober, and reports every relation found to both articles (a REPLY to the prober, a NOTICE
 * to the other).
 *
 * <p>A shard processes its probes one at a time, so of any two articles that share a key, the
 * one that comes second always meets the first: every related pair is found whatever the
 * arrival order, and both sides hear of it. Verification runs here because both fingerprints
 * are here (a shard keeps the fingerprint of every article it indexes).
 *
 * <p>Bounds: a key that {@code bucketCap} articles share within the horizon turns hot: it keeps
 * its first {@value BandMembers#HOT_KEEP} members as candidates and takes no more until the
 * article that filled it leaves the horizon ({@link BandMembers}; boilerplate sentences and names
 * in the news would otherwise grow without limit, and verifying their members would bound
 * throughput, while a wire story's later copies still meet its source);
 * entries older than the horizon in ingestion time are deleted by a punctuator, found by range
 * in an expiry index that lists, per article and ingestion time, the bands it joined. The horizon in
 * event time (publication) applies to a pair only when both pages state their date.
 */
final class BandIndexProcessor implements Processor<String, Probe, String, Event> {

    private static final Logger LOG = LoggerFactory.getLogger(BandIndexProcessor.class);

    private final Verifier verifier;
    private final long horizonMillis;
    private final int bucketCap;
    private final String bandsStore;
    private final String fingerprintsStore;
    private final String expiryStore;
    private ProcessorContext<String, Event> context;
    private Sensor failedProbes;
    private KeyValueStore<Long, BandMembers> bands;
    private KeyValueStore<String, ShardEntry> fingerprints;
    private KeyValueStore<String, String> expiry;
    private final Map<String, Candidate> recentlyVerified = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Candidate> eldest) {
            return size() > CANDIDATE_CACHE_SIZE;
        }
    };
    private long latestIngestTime = Long.MIN_VALUE;
    private boolean scannedOnce;

    BandIndexProcessor(DedupeConfig config, String bandsStore, String fingerprintsStore, String expiryStore) {
        this.verifier = new Verifier(config.tuning());
        this.horizonMillis = config.tuning().horizon().toMillis();
        this.bucketCap = config.tuning().bucketCap();
        this.bandsStore = bandsStore;
        this.fingerprintsStore = fingerprintsStore;
        this.expiryStore = expiryStore;
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.bands = context.getStateStore(bandsStore);
        this.fingerprints = context.getStateStore(fingerprintsStore);
        this.expiry = context.getStateStore(expiryStore);
        this.failedProbes = context.metrics().addRateTotalSensor("newsflow", "dedupe", FAILED_PROBES_METRIC,
            Sensor.RecordingLevel.INFO);
        recentlyVerified.clear(); // a revived task re-initialises this instance; its stores may have been restored
        context.schedule(Duration.ofMinutes(5), PunctuationType.WALL_CLOCK_TIME, now -> forgetExpired());
        rebuildIfNeeded();
    }

    /**
     * Key of the entry that marks the band table as built in this layout. A real key equal to it
     * would need a 64-bit hash collision with {@code Long.MIN_VALUE}.
     */
    static final long LAYOUT_MARK = Long.MIN_VALUE;
    /** Expiry-index entries replayed into the band table per rebuild step (one step a second). */
    static final int REBUILD_BATCH = 2_000;

    private Cancellable rebuild;
    private String rebuildFrom;

    /**
     * A shard upgraded from the prefix-scan layout ({@code dedupe-bands}) starts with an empty
     * band table, while its fingerprints and its expiry index (each article's joined keys, by
     * ingestion time) carry over. The band lists are rebuilt from the expiry index in steps of
     * {@value #REBUILD_BATCH} articles a second, in the background of the stream (small
     * transactions); probes meanwhile see the lists rebuilt so far. The mark entry makes it
     * happen once per store.
     */
    private void rebuildIfNeeded() {
        if (rebuild != null || bands.get(LAYOUT_MARK) != null) {
            return;
        }
        rebuildFrom = "";
        rebuild = context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> rebuildStep());
    }

    private void rebuildStep() {
        int done = 0;
        String next = null;
        try (KeyValueIterator<String, String> it = expiry.range(rebuildFrom, null)) {
            while (it.hasNext() && done < REBUILD_BATCH) {
                KeyValue<String, String> e = it.next();
                next = e.key + "\u0000";
                done++;
                if (e.value.isEmpty()) {
                    continue;
                }
                String id = ExpiryIndex.keyOf(e.key);
                long joinedAt = ExpiryIndex.timeOf(e.key);
                for (String key : e.value.split(",")) {
                    long band = Long.parseLong(key);
                    BandMembers members = bands.get(band);
                    members = members == null ? BandMembers.EMPTY : members;
                    if (!members.hot()) {
                        BandMembers joined = members.with(id, joinedAt);
                        bands.put(band, joined.size() >= bucketCap ? joined.turnedHot(joinedAt) : joined);
                    }
                }
            }
        }
        if (done < REBUILD_BATCH) {
            bands.put(LAYOUT_MARK, BandMembers.EMPTY);
            rebuild.cancel();
            rebuild = null;
        } else {
            rebuildFrom = next;
        }
    }

    /**
     * Indexes the prober and verifies its candidates; the prober always gets its reply. A probe
     * that fails here (a fingerprint that cannot be read, a bug in verification, a stack overflow
     * or running out of memory on one pair) is answered with the relations found so far, logged
     * and counted ({@value #FAILED_PROBES_METRIC}): the article is decided on what its shards
     * could say, rather than dead-lettered after its copies may already have been told of it, or
     * left waiting for its verdict deadline.
     */
    @Override
    public void process(Record<String, Probe> record) {
        Probe probe = record.value();
        List<Relation> relations = new ArrayList<>();
        try {
            RecordFailure.guard("dedupe probe", () -> {
                indexAndVerify(record, relations);
                return null;
            });
        } catch (StreamsException e) {
            throw e; // Kafka Streams' own (a task migrated, a send failed): not this probe's fault
        } catch (RuntimeException e) {
            failedProbes.record();
            LOG.warn("probe of article {} failed on shard {}: replying with {} relation(s) found so far",
                probe.id(), record.key(), relations.size(), e);
            listEveryKeyForExpiry(record);
        }
        context.forward(record.withKey(probe.id()).withValue(Event.reply(List.copyOf(relations))));
    }

    /**
     * After a failed probe, lists every key of the probe in its expiry entry: whichever bands it
     * joined before failing leave with it (expiry skips bands the article is not a member of).
     */
    private void listEveryKeyForExpiry(Record<String, Probe> record) {
        try {
            String indexKey = ExpiryIndex.key(record.timestamp(), record.value().id());
            expiry.put(indexKey, merged(expiry.get(indexKey),
                Arrays.stream(record.value().keys()).boxed().toList()));
        } catch (RuntimeException e) {
            LOG.warn("could not list the keys of a failed probe for expiry", e);
        }
    }

    /** The bands listed in an expiry entry, {@code known} (may be null) followed by {@code more}. */
    private static String merged(String known, List<Long> more) {
        String listed = more.stream().map(String::valueOf).collect(Collectors.joining(","));
        return known == null || known.isEmpty() ? listed : listed.isEmpty() ? known : known + "," + listed;
    }

    /** Sensor counting probes that failed on a shard and were answered with what was found. */
    static final String FAILED_PROBES_METRIC = "dedupe-probe-failed";

    private void indexAndVerify(Record<String, Probe> record, List<Relation> relations) {
        Probe probe = record.value();
        latestIngestTime = Math.max(latestIngestTime, record.timestamp());
        fingerprints.put(probe.id(), new ShardEntry(probe.eventTime(), probe.dated(), record.timestamp(), probe.fingerprint()));
        recentlyVerified.remove(probe.id());
        List<Long> joined = new ArrayList<>();
        List<String> candidates = mostSharedFirst(candidateBuckets(probe, record.timestamp(), joined));
        // One entry per article and ingestion time; probes of its other shards on this partition add their bands.
        String indexKey = ExpiryIndex.key(record.timestamp(), probe.id());
        expiry.put(indexKey, merged(expiry.get(indexKey), joined));
        Verifier.Prepared prober = verifier.prepare(FingerprintCodec.decode(probe.fingerprint()));
        for (String candidate : candidates) {
            Relation relation = verified(probe, prober, candidate);
            if (relation != null) {
                relations.add(relation);
                // A notice concerns the other article: it does not carry the prober's raw source.
                context.forward(record.withKey(candidate).withValue(Event.notice(relation))
                    .withHeaders(RawSource.without(record.headers())));
            }
        }
    }

    /**
     * The candidates worth verifying: those sharing the most keys with the prober first, at most
     * {@value #MAX_VERIFIED_PER_PROBE}. A copy shares many keys; an article that only shares a hot
     * phrase or a name shares one or two, and verifying hundreds of those would bound throughput.
     */
    static List<String> mostSharedFirst(Map<String, Integer> sharedKeys) {
        return mostSharedFirst(sharedKeys, MAX_VERIFIED_PER_PROBE);
    }

    /**
     * The first {@code cap} candidates in the order more keys shared first, then by id, without
     * sorting them all: a probe at scale meets hundreds of candidates that share one key, and
     * sorting every one of them took a third of the shard's step (JFR, {@code DedupeScaleBench}).
     * Those that share more keys than the cut-off count (fewer than {@code cap}) are sorted; of
     * those at the cut-off, only the ids that still fit are picked, smallest first.
     */
    static List<String> mostSharedFirst(Map<String, Integer> sharedKeys, int cap) {
        int most = 0;
        for (int shared : sharedKeys.values()) {
            most = Math.max(most, shared);
        }
        // atLeast[c]: candidates sharing c keys or more; the cut-off is the largest c with cap of them.
        int[] atLeast = new int[most + 2];
        for (int shared : sharedKeys.values()) {
            atLeast[shared]++;
        }
        for (int c = most - 1; c >= 0; c--) {
            atLeast[c] += atLeast[c + 1];
        }
        int cutOff = 0;
        for (int c = most; c >= 1; c--) {
            if (atLeast[c] >= cap) {
                cutOff = c;
                break;
            }
        }
        List<Map.Entry<String, Integer>> above = new ArrayList<>();
        PriorityQueue<String> atCutOff = new PriorityQueue<>(Comparator.reverseOrder()); // largest id on top
        int room = cap - atLeast[cutOff + 1];
        for (Map.Entry<String, Integer> e : sharedKeys.entrySet()) {
            if (e.getValue() > cutOff) {
                above.add(e);
            } else if (e.getValue() == cutOff) {
                atCutOff.add(e.getKey());
                if (atCutOff.size() > room) {
                    atCutOff.poll();
                }
            }
        }
        above.sort(MOST_SHARED_FIRST);
        List<String> out = new ArrayList<>(above.size() + atCutOff.size());
        for (Map.Entry<String, Integer> e : above) {
            out.add(e.getKey());
        }
        String[] last = atCutOff.toArray(new String[0]);
        Arrays.sort(last);
        out.addAll(Arrays.asList(last));
        return out;
    }

    /** More keys shared first, then by id. */
    private static final Comparator<Map.Entry<String, Integer>> MOST_SHARED_FIRST = (x, y) -> {
        int byShared = Integer.compare(y.getValue(), x.getValue());
        return byShared != 0 ? byShared : x.getKey().compareTo(y.getKey());
    };

    /** Most candidates one probe verifies. */
    static final int MAX_VERIFIED_PER_PROBE = 64;

    /** Members of the probe's bands (other than the prober) with the number of keys shared, and the prober added to them. */
    private Map<String, Integer> candidateBuckets(Probe probe, long ingestTime, List<Long> joined) {
        Map<String, Integer> candidates = new LinkedHashMap<>();
        for (long key : probe.keys()) {
            BandMembers members = bands.get(key);
            if (members == null) {
                members = BandMembers.EMPTY;
            }
            for (String member : members.ids()) { // a hot key: only its first members
                if (!member.equals(probe.id())) {
                    candidates.merge(member, 1, Integer::sum);
                }
            }
            if (members.hot()) {
                continue; // shared by bucketCap articles within the horizon: it takes no more
            }
            BandMembers joinedMembers = members.with(probe.id(), ingestTime);
            bands.put(key, joinedMembers.size() >= bucketCap ? joinedMembers.turnedHot(ingestTime) : joinedMembers);
            joined.add(key);
        }
        return candidates;
    }

    /** The relation between the prober and one candidate, or null when there is none. */
    private Relation verified(Probe probe, Verifier.Prepared prober, String candidateId) {
        Candidate other = candidate(candidateId);
        if (other == null) {
            return null;
        }
        if (probe.dated() && other.dated() && Math.abs(probe.eventTime() - other.eventTime()) > horizonMillis) {
            return null;
        }
        Match m = verifier.verify(prober, other.prepared());
        if (m.kind() == MatchKind.NONE) {
            return null;
        }
        boolean proberIsOriginal = m.originalId().equals(probe.id());
        long proberTime = probe.eventTime();
        return new Relation(m.kind(), m.similarity(), m.originalId(), m.copyId(),
            proberIsOriginal ? proberTime : other.eventTime(), proberIsOriginal ? other.eventTime() : proberTime);
    }

    /** An indexed article, decoded and prepared for verification. */
    private record Candidate(long eventTime, boolean dated, Verifier.Prepared prepared) {
    }

    /**
     * The candidate from the cache, else from the store (then cached). The articles under hot
     * keys (names in the news, shared phrases) are verified against many probers: decoding and
     * preparing them once saves most of the verification cost. A cache of the store: an entry
     * is dropped whenever its article is probed again or expires.
     */
    private Candidate candidate(String id) {
        Candidate cached = recentlyVerified.get(id);
        if (cached != null) {
            return cached;
        }
        ShardEntry entry = fingerprints.get(id);
        if (entry == null) {
            return null;
        }
        Candidate c = new Candidate(entry.eventTime(), entry.dated(),
            verifier.prepare(FingerprintCodec.decode(entry.fingerprint())));
        recentlyVerified.put(id, c);
        return c;
    }

    /**
     * Most prepared candidates kept in memory per shard task: each holds the decoded fingerprint
     * and the sets derived from it (shingles, content words, sentences, the index of sentences by
     * word, which adds 8 bytes a content word), about 20 to 90 KB for articles of 500 to 4,000
     * words, so 10 to 45 MB per task at most.
     */
    static final int CANDIDATE_CACHE_SIZE = 512;

    /** Deletes index entries that left the horizon (in ingestion time). */
    private void forgetExpired() {
        if (latestIngestTime == Long.MIN_VALUE) {
            return;
        }
        long cutoff = latestIngestTime - horizonMillis;
        rebuildIfNeeded();
        if (!scannedOnce) {
            // Entries from before the expiry index existed: one full scan per start.
            Expiry.deleteOlder(fingerprints, ShardEntry::ingestTime, cutoff);
            recentlyVerified.clear();
            scannedOnce = true;
        }
        ExpiryIndex.expire(expiry, cutoff, e -> {
            String id = ExpiryIndex.keyOf(e.key);
            ShardEntry entry = fingerprints.get(id);
            if (entry != null && entry.ingestTime() < cutoff) {
                fingerprints.delete(id); // not probed again since
                recentlyVerified.remove(id);
            }
            if (!e.value.isEmpty()) {
                for (String key : e.value.split(",")) {
                    long band = Long.parseLong(key);
                    BandMembers members = bands.get(band);
                    if (members != null && members.hot() && members.hotSince() < cutoff) {
                        bands.delete(band); // the article that made it hot left the horizon
                    } else if (members != null) {
                        BandMembers left = members.withoutExpired(id, cutoff);
                        if (left.size() == 0 && !left.hot()) {
                            bands.delete(band);
                        } else if (left != members) {
                            bands.put(band, left);
                        }
                    }
                }
            }
        });
    }
}

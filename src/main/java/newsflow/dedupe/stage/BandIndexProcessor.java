package newsflow.dedupe.stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import newsflow.core.state.ExpiryIndex;
import newsflow.dedupe.Fingerprint;
import newsflow.dedupe.FingerprintCodec;
import newsflow.dedupe.Match;
import newsflow.dedupe.MatchKind;
import newsflow.dedupe.Relation;
import newsflow.dedupe.Verifier;
import newsflow.dedupe.stage.DedupeMessages.Event;
import newsflow.dedupe.stage.DedupeMessages.Probe;
import newsflow.dedupe.stage.DedupeMessages.ShardEntry;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

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
 * <p>Bounds: a band that already lists {@code bucketCap} articles yields candidates but takes
 * no more members (boilerplate sentences and hot names would otherwise grow without limit);
 * entries older than the horizon in ingestion time are deleted by a punctuator, found by range
 * in an expiry index that lists, per article and ingestion time, the bands it joined. The horizon in
 * event time (publication) applies to a pair only when both pages state their date.
 */
final class BandIndexProcessor implements Processor<String, Probe, String, Event> {

    private final Verifier verifier;
    private final long horizonMillis;
    private final int bucketCap;
    private final String bandsStore;
    private final String fingerprintsStore;
    private final String expiryStore;
    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, Long> bands;
    private KeyValueStore<String, ShardEntry> fingerprints;
    private KeyValueStore<String, String> expiry;
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
        context.schedule(Duration.ofMinutes(5), PunctuationType.WALL_CLOCK_TIME, now -> forgetExpired());
    }

    @Override
    public void process(Record<String, Probe> record) {
        Probe probe = record.value();
        latestIngestTime = Math.max(latestIngestTime, record.timestamp());
        fingerprints.put(probe.id(), new ShardEntry(probe.eventTime(), probe.dated(), record.timestamp(), probe.fingerprint()));
        List<Long> joined = new ArrayList<>();
        List<String> candidates = mostSharedFirst(candidateBuckets(probe, record.timestamp(), joined));
        // One entry per article and ingestion time; probes of its other shards on this partition add their bands.
        String indexKey = ExpiryIndex.key(record.timestamp(), probe.id());
        String bandsJoined = joined.stream().map(String::valueOf).collect(Collectors.joining(","));
        String known = expiry.get(indexKey);
        expiry.put(indexKey, known == null || known.isEmpty() ? bandsJoined
            : bandsJoined.isEmpty() ? known : known + "," + bandsJoined);
        Fingerprint prober = FingerprintCodec.decode(probe.fingerprint());
        List<Relation> relations = new ArrayList<>();
        for (String candidate : candidates) {
            Relation relation = verified(probe, prober, candidate);
            if (relation != null) {
                relations.add(relation);
                context.forward(record.withKey(candidate).withValue(Event.notice(relation)));
            }
        }
        context.forward(record.withKey(probe.id()).withValue(Event.reply(relations)));
    }

    /**
     * The candidates worth verifying: those sharing the most keys with the prober first, at most
     * {@value #MAX_VERIFIED_PER_PROBE}. A copy shares many keys; an article that only shares a hot
     * phrase or a name shares one or two, and verifying hundreds of those would bound throughput.
     */
    private static List<String> mostSharedFirst(Map<String, Integer> sharedKeys) {
        return sharedKeys.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(MAX_VERIFIED_PER_PROBE)
            .map(Map.Entry::getKey)
            .toList();
    }

    /** Most candidates one probe verifies. */
    static final int MAX_VERIFIED_PER_PROBE = 64;

    /** Members of the probe's bands (other than the prober) with the number of keys shared, and the prober added to them. */
    private Map<String, Integer> candidateBuckets(Probe probe, long ingestTime, List<Long> joined) {
        Map<String, Integer> candidates = new LinkedHashMap<>();
        for (long key : probe.keys()) {
            String prefix = bandPrefix(key);
            int members = 0;
            try (KeyValueIterator<String, Long> it = bands.prefixScan(prefix, new StringSerializer())) {
                while (it.hasNext()) {
                    String member = it.next().key.substring(prefix.length());
                    members++;
                    if (!member.equals(probe.id())) {
                        candidates.merge(member, 1, Integer::sum);
                    }
                }
            }
            if (members < bucketCap) {
                bands.put(prefix + probe.id(), ingestTime);
                joined.add(key);
            }
        }
        return candidates;
    }

    /** The relation between the prober and one candidate, or null when there is none. */
    private Relation verified(Probe probe, Fingerprint prober, String candidateId) {
        ShardEntry other = fingerprints.get(candidateId);
        if (other == null) {
            return null;
        }
        if (probe.dated() && other.dated() && Math.abs(probe.eventTime() - other.eventTime()) > horizonMillis) {
            return null;
        }
        Match m = verifier.verify(prober, FingerprintCodec.decode(other.fingerprint()));
        if (m.kind() == MatchKind.NONE) {
            return null;
        }
        boolean proberIsOriginal = m.originalId().equals(probe.id());
        long proberTime = probe.eventTime();
        return new Relation(m.kind(), m.similarity(), m.originalId(), m.copyId(),
            proberIsOriginal ? proberTime : other.eventTime(), proberIsOriginal ? other.eventTime() : proberTime);
    }

    /** Deletes index entries that left the horizon (in ingestion time). */
    private void forgetExpired() {
        if (latestIngestTime == Long.MIN_VALUE) {
            return;
        }
        long cutoff = latestIngestTime - horizonMillis;
        if (!scannedOnce) {
            // Entries from before the expiry index existed: one full scan per start.
            Expiry.deleteOlder(fingerprints, ShardEntry::ingestTime, cutoff);
            Expiry.deleteOlder(bands, Long::longValue, cutoff);
            scannedOnce = true;
        }
        ExpiryIndex.expire(expiry, cutoff, e -> {
            String id = ExpiryIndex.keyOf(e.key);
            ShardEntry entry = fingerprints.get(id);
            if (entry != null && entry.ingestTime() < cutoff) {
                fingerprints.delete(id); // not probed again since
            }
            if (!e.value.isEmpty()) {
                for (String key : e.value.split(",")) {
                    String bandKey = bandPrefix(Long.parseLong(key)) + id;
                    Long joinedAt = bands.get(bandKey);
                    if (joinedAt != null && joinedAt < cutoff) {
                        bands.delete(bandKey);
                    }
                }
            }
        });
    }

    /** Band entries are keyed {@code <key as 16 hex digits>|<article id>}, so a prefix scan lists a band. */
    static String bandPrefix(long key) {
        return String.format(Locale.ROOT, "%016x|", key);
    }
}

package newsflow.dedupe.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import newsflow.core.CleanArticle;
import newsflow.core.EventTime;
import newsflow.dedupe.Fingerprint;
import newsflow.dedupe.FingerprintCodec;
import newsflow.dedupe.Fingerprinter;
import newsflow.dedupe.Hashing;
import newsflow.dedupe.stage.DedupeMessages.Event;
import newsflow.dedupe.stage.DedupeMessages.Probe;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Step 1 of the dedupe stage, on the article's partition: fingerprints the article, sends one
 * {@link Probe} per band shard that holds some of its candidate keys, and announces the article
 * to its own verdict step with the number of shard replies to wait for. Stateless.
 */
final class ProbeProcessor implements Processor<String, CleanArticle, String, ProbeProcessor.Routed> {

    /** Either a probe for a shard (key = shard number) or an event for the verdict step. */
    record Routed(Probe probe, Event event) {
    }

    /** Salt of the key family for exact bodies, which every article has, even a short one. */
    static final long EXACT_KEY_SALT = 0x5EED_E4AC_7000_0001L;

    private final Fingerprinter fingerprinter;
    private final int shards;
    private ProcessorContext<String, Routed> context;

    ProbeProcessor(DedupeConfig config) {
        this.fingerprinter = new Fingerprinter(config.tuning());
        this.shards = config.shards();
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, CleanArticle> record) {
        String id = record.key();
        CleanArticle article = record.value();
        Fingerprint fp = fingerprinter.fingerprint(id, article, record.timestamp());
        boolean dated = EventTime.parse(article.publishedAt()) != null;
        byte[] bytes = FingerprintCodec.encode(fp);
        Map<Integer, long[]> byShard = keysByShard(fp);
        for (Map.Entry<Integer, long[]> shard : byShard.entrySet()) {
            Probe probe = new Probe(id, fp.eventTime(), dated, shard.getValue(), bytes);
            context.forward(record.withKey(String.valueOf(shard.getKey())).withValue(new Routed(probe, null)));
        }
        context.forward(record.withValue(new Routed(null, Event.article(article, fp.eventTime(), byShard.size()))));
    }

    /** The article's candidate keys plus its exact-body key, grouped by shard (ordered). */
    private Map<Integer, long[]> keysByShard(Fingerprint fp) {
        long[] candidates = fingerprinter.candidateKeys(fp);
        Map<Integer, List<Long>> grouped = new TreeMap<>();
        for (long key : candidates) {
            grouped.computeIfAbsent(shardOf(key), s -> new ArrayList<>()).add(key);
        }
        long exactKey = Hashing.combine(EXACT_KEY_SALT, fp.exactHash());
        grouped.computeIfAbsent(shardOf(exactKey), s -> new ArrayList<>()).add(exactKey);
        Map<Integer, long[]> out = new TreeMap<>();
        grouped.forEach((s, keys) -> out.put(s, keys.stream().mapToLong(Long::longValue).toArray()));
        return out;
    }

    private int shardOf(long key) {
        return (int) Math.floorMod(Hashing.mix(key), (long) shards);
    }
}

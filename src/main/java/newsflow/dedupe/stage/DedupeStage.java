package newsflow.dedupe.stage;

import java.util.Optional;
import java.util.Set;

import newsflow.core.CleanArticle;
import newsflow.core.DedupeVerdict;
import newsflow.core.serde.JsonSerde;
import newsflow.dedupe.Fingerprinter;
import newsflow.dedupe.Verifier;
import newsflow.dedupe.stage.DedupeMessages.ArticleState;
import newsflow.dedupe.stage.DedupeMessages.Event;
import newsflow.dedupe.stage.DedupeMessages.Probe;
import newsflow.dedupe.stage.DedupeMessages.ShardEntry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedupe stage in the stream: one verdict per article (and a revision when a later
 * arrival changes it). The index is spread over partitions and instances:
 *
 * <pre>
 *  articles (by id) ─► [1 probe] ─┬─ probes (by band shard) ─► [2 band index] ─┬─ replies ──┐
 *                                 │                            bands, shard      └─ notices ─┤
 *                                 │                            fingerprints                  ▼
 *                                 └─ article event (by id) ─────────────────────► [3 verdict] ─► verdicts
 *                                                                                 article states
 * </pre>
 *
 * <ol>
 *   <li>{@link ProbeProcessor}: fingerprint ({@link Fingerprinter}: MinHash bands, sentence,
 *       anchor and content-word keys, plus an exact-body key), one probe per band shard.</li>
 *   <li>{@link BandIndexProcessor}: candidates from the shard's band table, verification
 *       ({@link Verifier}), indexing; relations go to both articles.</li>
 *   <li>{@link VerdictProcessor}: waits for every shard's reply, then decides from the relation
 *       set alone, so verdicts do not depend on arrival order or instance count; later notices
 *       revise a verdict (an original that arrived after its copy).</li>
 * </ol>
 *
 * All state is in changelogged stores; all internal topics are named and have
 * {@code partitions} partitions.
 */
public final class DedupeStage {

    /**
     * Band tables of the shards: candidate key -> the articles listed under it, with their
     * joining times ({@link BandMembers}). Replaced {@code dedupe-bands} ({@code <key>|<id>},
     * read by prefix scan), whose seeks cost 5 ms an article at 20,000 indexed articles.
     */
    public static final String BANDS_STORE = "dedupe-band-members";
    /** Fingerprints of the articles a shard has indexed. */
    public static final String SHARD_FINGERPRINTS_STORE = "dedupe-shard-fingerprints";
    /** Per article: relations so far, replies awaited, the verdict emitted. */
    public static final String ARTICLE_STATES_STORE = "dedupe-article-states";

    /** Expiry indexes of the shard stores and of the verdict states: {@code <ingest time>|<id>}. */
    public static final String SHARD_EXPIRY_STORE = "dedupe-shard-expiry";
    public static final String ARTICLE_STATES_EXPIRY_STORE = "dedupe-article-states-expiry";

    /** Articles still waiting for shard replies, keyed {@code <ingest time, 19 digits>|<id>}. */
    public static final String PENDING_STORE = "dedupe-pending-verdicts";

    private DedupeStage() {
    }

    /**
     * Adds the stage to {@code builder}.
     *
     * @param articles   keyed by article id
     * @param partitions partitions of the stage's internal topics
     * @return verdicts keyed by article id
     */
    public static KStream<String, DedupeVerdict> build(StreamsBuilder builder,
                                                       KStream<String, CleanArticle> articles,
                                                       DedupeConfig config, int partitions) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BANDS_STORE),
            Serdes.Long(), BandMembers.serde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SHARD_FINGERPRINTS_STORE),
            Serdes.String(), JsonSerde.of(ShardEntry.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLE_STATES_STORE),
            Serdes.String(), JsonSerde.of(ArticleState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
            Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SHARD_EXPIRY_STORE),
            Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLE_STATES_EXPIRY_STORE),
            Serdes.String(), Serdes.String()));

        KStream<String, ProbeProcessor.Routed> routed =
            articles.process(() -> new ProbeProcessor(config), Named.as("dedupe-probe"));

        // Probes travel to their shard's partition: shard s lives on partition s mod P.
        KStream<String, Event> fromShards = routed
            .filter((key, r) -> r.probe() != null, Named.as("dedupe-probes-only"))
            .mapValues(ProbeProcessor.Routed::probe, Named.as("dedupe-probe-values"))
            .repartition(Repartitioned.<String, Probe>as("dedupe-probes-by-shard")
                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(Probe.class))
                .withNumberOfPartitions(partitions)
                .withStreamPartitioner((topic, shard, probe, n) -> Optional.of(Set.of(Integer.parseInt(shard) % n))))
            .process(() -> new BandIndexProcessor(config, BANDS_STORE, SHARD_FINGERPRINTS_STORE, SHARD_EXPIRY_STORE),
                Named.as("dedupe-band-index"), BANDS_STORE, SHARD_FINGERPRINTS_STORE, SHARD_EXPIRY_STORE)
            .repartition(Repartitioned.<String, Event>as("dedupe-relations-by-article")
                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(Event.class))
                .withNumberOfPartitions(partitions));

        KStream<String, Event> articleEvents = routed
            .filter((id, r) -> r.event() != null, Named.as("dedupe-article-events-only"))
            .mapValues(ProbeProcessor.Routed::event, Named.as("dedupe-article-event-values"))
            .repartition(Repartitioned.<String, Event>as("dedupe-articles-by-id")
                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(Event.class))
                .withNumberOfPartitions(partitions));

        return articleEvents.merge(fromShards, Named.as("dedupe-events"))
            .process(() -> new VerdictProcessor(config, ARTICLE_STATES_STORE, PENDING_STORE, ARTICLE_STATES_EXPIRY_STORE),
                Named.as("dedupe-verdict"), ARTICLE_STATES_STORE, PENDING_STORE, ARTICLE_STATES_EXPIRY_STORE);
    }
}

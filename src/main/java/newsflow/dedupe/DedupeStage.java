package newsflow.dedupe;

import newsflow.clean.CleanArticle;
import newsflow.pipeline.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedupe stage: one {@link DedupeVerdict} per article.
 *
 * <p>First version: exact duplicates of the normalised body ({@link BodyHash}). Articles are
 * repartitioned by body hash, so all copies of a body meet in one task, whatever partition
 * they arrived on; the index is a changelogged key-value store with a bounded event-time
 * horizon.
 */
public final class DedupeStage {

    /** The exact-duplicate index: body hash to the first article with that body. */
    public static final String EXACT_INDEX_STORE = "dedupe-exact-index";

    private DedupeStage() {
    }

    /**
     * Adds the stage to {@code builder}.
     *
     * @param articles keyed by article id, record timestamp = event time
     * @return verdicts keyed by article id
     */
    public static KStream<String, DedupeVerdict> build(StreamsBuilder builder,
                                                       KStream<String, CleanArticle> articles,
                                                       DedupeConfig config) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(EXACT_INDEX_STORE), Serdes.String(),
            JsonSerde.of(ExactDedupeProcessor.IndexEntry.class)));
        return articles
            // Copies of one body must meet in one task: key by body hash and repartition.
            .selectKey((id, article) -> BodyHash.of(article.text()), Named.as("dedupe-key-by-body-hash"))
            .repartition(Repartitioned.<String, CleanArticle>as("dedupe-by-body-hash")
                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(CleanArticle.class)))
            .process(() -> new ExactDedupeProcessor(EXACT_INDEX_STORE, config.horizon()),
                Named.as("dedupe-exact"), EXACT_INDEX_STORE);
    }
}

package newsflow.dedupe.stage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rocksdb.Options;

/** The band table gets Bloom filters on every level; other stores keep what Kafka Streams set. */
class DedupeRocksDbTest {

    /** Options as Kafka Streams hands them to a config setter: filters optimised for hits. */
    private static Options streamsDefaults() {
        Options options = new Options();
        options.setOptimizeFiltersForHits(true);
        return options;
    }

    @Test
    void theBandTableKeepsFiltersOnEveryLevel() {
        try (Options options = streamsDefaults()) {
            new DedupeRocksDb().setConfig(DedupeStage.BANDS_STORE, options, Map.of());
            assertFalse(options.optimizeFiltersForHits());
        }
    }

    @Test
    void otherStoresKeepKafkaStreamsSettings() {
        for (String store : new String[] {DedupeStage.SHARD_FINGERPRINTS_STORE, DedupeStage.ARTICLE_STATES_STORE,
            DedupeStage.SHARD_EXPIRY_STORE, "entity-trend-counts"}) {
            try (Options options = streamsDefaults()) {
                new DedupeRocksDb().setConfig(store, options, Map.of());
                assertTrue(options.optimizeFiltersForHits(), store);
            }
        }
    }
}

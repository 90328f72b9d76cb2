package newsflow.dedupe.stage;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB settings for the dedupe stage's band table ({@value DedupeStage#BANDS_STORE});
 * every other store keeps Kafka Streams' settings.
 *
 * <p>Kafka Streams opens every store with {@code optimize_filters_for_hits}: no Bloom filter on
 * the bottom level, which saves filter memory where lookups find their key. The band table is
 * the opposite case: each article looks up all of its candidate keys (about 90), and most of
 * them are new, so each miss has to read the bottom level's index and a data block to learn
 * that the key is not there. With filters on every level a miss is mostly answered by the
 * filter. Once the dedupe verifier got cheap, RocksDB reads were nine tenths of the band
 * shard's time; with this setting {@code DedupeScaleBench} spent 11 % and 21 % less CPU per
 * article at 100,000 articles in two paired runs (at 20,000, where the table is read from
 * memory, the pairs disagreed: BENCHMARKS.md). The cost is the bottom level's filter memory
 * (about 10 bits a key). Stateless.
 */
public final class DedupeRocksDb implements RocksDBConfigSetter {

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (storeName.equals(DedupeStage.BANDS_STORE)) {
            options.setOptimizeFiltersForHits(false);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing was allocated.
    }
}

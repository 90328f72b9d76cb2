package newsflow.dedupe.stage;

import java.util.Objects;

import newsflow.dedupe.DedupeTuning;

/**
 * Settings of the streaming dedupe stage, immutable.
 *
 * @param tuning the core's parameters (shingles, bands, thresholds, horizon, bucket cap)
 * @param shards how many band shards the index is split into. Each article sends at most one
 *               probe per shard; shard {@code s} lives on partition {@code s mod P} of the probe
 *               topic. Changing it invalidates the index (old band entries sit in other
 *               shards), so keep it fixed for the life of an application id.
 */
public record DedupeConfig(DedupeTuning tuning, int shards) {

    public DedupeConfig {
        Objects.requireNonNull(tuning, "tuning");
        if (shards < 1 || shards > 1024) {
            throw new IllegalArgumentException("dedupe shards must be in [1, 1024], got " + shards);
        }
    }

    /** The default tuning with the given horizon, and one shard per partition. */
    public static DedupeConfig of(java.time.Duration horizon, int partitions) {
        return new DedupeConfig(DedupeTuning.defaults().withHorizon(horizon), partitions);
    }
}

package newsflow.dedupe.stage;

import java.time.Duration;
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
 * @param verdictDeadline how long, in stream time (ingestion timestamps), an article waits for
 *               its shards' replies before it is decided on the replies that arrived. Replies
 *               are not lost under exactly-once, but a probe that a shard dead-letters never
 *               answers; without a deadline its article would wait for ever.
 */
public record DedupeConfig(DedupeTuning tuning, int shards, Duration verdictDeadline) {

    /** The default {@link #verdictDeadline}. */
    public static final Duration DEFAULT_VERDICT_DEADLINE = Duration.ofMinutes(10);

    public DedupeConfig {
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(verdictDeadline, "verdictDeadline");
        if (shards < 1 || shards > 1024) {
            throw new IllegalArgumentException("dedupe shards must be in [1, 1024], got " + shards);
        }
        if (verdictDeadline.isNegative() || verdictDeadline.isZero()) {
            throw new IllegalArgumentException("verdict deadline must be positive: " + verdictDeadline);
        }
    }

    public DedupeConfig(DedupeTuning tuning, int shards) {
        this(tuning, shards, DEFAULT_VERDICT_DEADLINE);
    }

    /** The default tuning with the given horizon, and one shard per partition. */
    public static DedupeConfig of(Duration horizon, int partitions) {
        return new DedupeConfig(DedupeTuning.defaults().withHorizon(horizon), partitions);
    }
}

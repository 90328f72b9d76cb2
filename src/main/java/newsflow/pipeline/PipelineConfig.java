package newsflow.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

import newsflow.core.Topics;

/**
 * Everything the topology depends on, immutable. {@link NewsflowTopology#build} is a pure
 * function of this value (and the stage components), so tests build exactly the topology
 * that runs in production.
 *
 * @param topics         topic names
 * @param maxPageBytes   raw records larger than this are dead-lettered ("page too large")
 * @param dedupeHorizon  how far back in event time an article can be a duplicate of another
 * @param partitions     partitions of the topics newsflow creates itself
 */
public record PipelineConfig(Topics topics, int maxPageBytes, Duration dedupeHorizon,
                             int partitions) {

    /** Default limit on the size of a raw page: 5 MiB. */
    public static final int DEFAULT_MAX_PAGE_BYTES = 5 * 1024 * 1024;

    public PipelineConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(dedupeHorizon, "dedupeHorizon");
        if (maxPageBytes <= 0) {
            throw new IllegalArgumentException("max.page.bytes must be positive, got " + maxPageBytes);
        }
        if (dedupeHorizon.isNegative() || dedupeHorizon.isZero()) {
            throw new IllegalArgumentException("dedupe.horizon must be positive, got " + dedupeHorizon);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
    }

    /** The defaults: default topics, 5 MiB pages, a 7-day dedupe horizon, 3 partitions. */
    public static PipelineConfig defaults() {
        return new PipelineConfig(Topics.DEFAULT, DEFAULT_MAX_PAGE_BYTES, Duration.ofDays(7), 3);
    }

    /**
     * Reads {@code max.page.bytes}, {@code dedupe.horizon} (ISO-8601 duration such as
     * {@code P7D}, or a number of hours), {@code topic.partitions} and {@code topic.*}.
     */
    public static PipelineConfig fromProperties(Properties p) {
        return new PipelineConfig(
            Topics.fromProperties(p),
            Integer.parseInt(p.getProperty("max.page.bytes", String.valueOf(DEFAULT_MAX_PAGE_BYTES))),
            parseDuration(p.getProperty("dedupe.horizon", "P7D")),
            Integer.parseInt(p.getProperty("topic.partitions", "3")));
    }

    public PipelineConfig withMaxPageBytes(int bytes) {
        return new PipelineConfig(topics, bytes, dedupeHorizon, partitions);
    }

    public PipelineConfig withPartitions(int n) {
        return new PipelineConfig(topics, maxPageBytes, dedupeHorizon, n);
    }

    private static Duration parseDuration(String value) {
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            return Duration.ofHours(Long.parseLong(v));
        }
        try {
            return v.startsWith("P") && !v.contains("T") && v.endsWith("D")
                ? Duration.ofDays(Long.parseLong(v.substring(1, v.length() - 1)))
                : Duration.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("dedupe.horizon: not a duration: '" + value + "'", e);
        }
    }
}

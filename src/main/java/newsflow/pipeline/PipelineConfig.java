package newsflow.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

import newsflow.core.Topics;
import newsflow.output.EntityTrends;

/**
 * Everything the topology depends on, immutable. {@link NewsflowTopology#build} is a pure
 * function of this value (and the stage components), so tests build exactly the topology
 * that runs in production.
 *
 * @param topics         topic names
 * @param maxPageBytes   raw records larger than this are dead-lettered ("page too large")
 * @param dedupeHorizon  how far back in event time an article can be a duplicate of another
 * @param partitions     partitions of the topics newsflow creates itself
 * @param trendRetention how long the entity-trend stores keep an entity-hour, or an article's
 *                       contributions, after their last change (at least the dedupe horizon,
 *                       within which a kept copy can be retracted)
 */
public record PipelineConfig(Topics topics, int maxPageBytes, Duration dedupeHorizon,
                             int partitions, Duration trendRetention) {

    /** The property naming how many partitions the topics newsflow creates get. */
    public static final String PARTITIONS = "topic.partitions";

    /**
     * Partitions of the topics newsflow creates on a cluster when {@value #PARTITIONS} is not
     * set: room for a few instances (the embedded broker's default is another, see
     * {@code ClusterOptions#pipelineConfig}).
     */
    public static final int DEFAULT_PARTITIONS = 3;

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
        Objects.requireNonNull(trendRetention, "trendRetention");
        if (trendRetention.compareTo(dedupeHorizon) < 0) {
            throw new IllegalArgumentException("trends.retention (" + trendRetention
                + ") must be at least dedupe.horizon (" + dedupeHorizon + "): a kept copy can be retracted within the horizon");
        }
    }

    /** A configuration whose trend retention is the default, or the dedupe horizon when that is longer. */
    public PipelineConfig(Topics topics, int maxPageBytes, Duration dedupeHorizon, int partitions) {
        this(topics, maxPageBytes, dedupeHorizon, partitions, defaultTrendRetention(dedupeHorizon));
    }

    private static Duration defaultTrendRetention(Duration dedupeHorizon) {
        return dedupeHorizon == null || EntityTrends.DEFAULT_RETENTION.compareTo(dedupeHorizon) >= 0
            ? EntityTrends.DEFAULT_RETENTION : dedupeHorizon;
    }

    /** The defaults: default topics, 5 MiB pages, a 7-day dedupe horizon, {@value #DEFAULT_PARTITIONS} partitions. */
    public static PipelineConfig defaults() {
        return new PipelineConfig(Topics.DEFAULT, DEFAULT_MAX_PAGE_BYTES, Duration.ofDays(7), DEFAULT_PARTITIONS);
    }

    /**
     * Reads {@code max.page.bytes}, {@code dedupe.horizon} and {@code trends.retention}
     * (ISO-8601 durations such as {@code P7D}, or a number of hours), {@value #PARTITIONS}
     * (default {@value #DEFAULT_PARTITIONS}) and {@code topic.*}.
     */
    public static PipelineConfig fromProperties(Properties p) {
        Duration horizon = parseDuration("dedupe.horizon", p.getProperty("dedupe.horizon", "P7D"));
        String trends = p.getProperty("trends.retention");
        return new PipelineConfig(
            Topics.fromProperties(p),
            Integer.parseInt(p.getProperty("max.page.bytes", String.valueOf(DEFAULT_MAX_PAGE_BYTES))),
            horizon,
            Integer.parseInt(p.getProperty(PARTITIONS, String.valueOf(DEFAULT_PARTITIONS)).strip()),
            trends == null ? defaultTrendRetention(horizon) : parseDuration("trends.retention", trends));
    }

    public PipelineConfig withTopics(Topics t) {
        return new PipelineConfig(t, maxPageBytes, dedupeHorizon, partitions, trendRetention);
    }

    public PipelineConfig withMaxPageBytes(int bytes) {
        return new PipelineConfig(topics, bytes, dedupeHorizon, partitions, trendRetention);
    }

    public PipelineConfig withPartitions(int n) {
        return new PipelineConfig(topics, maxPageBytes, dedupeHorizon, n, trendRetention);
    }

    private static Duration parseDuration(String name, String value) {
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            return Duration.ofHours(Long.parseLong(v));
        }
        try {
            return v.startsWith("P") && !v.contains("T") && v.endsWith("D")
                ? Duration.ofDays(Long.parseLong(v.substring(1, v.length() - 1)))
                : Duration.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": not a duration: '" + value + "'", e);
        }
    }
}

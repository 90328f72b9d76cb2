package newsflow.ops;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The pipeline's own meters, registered in the {@link MeterRegistry} given at construction:
 *
 * <ul>
 *   <li>{@code newsflow.stage.records{stage}}: records leaving each stage (raw, clean, dedupe,
 *       entities) and each outcome (articles, duplicates);</li>
 *   <li>{@code newsflow.stage.latency{stage}}: time a record spent in each stage, from entering
 *       it to leaving it (across repartition topics, so it includes waiting in Kafka);</li>
 *   <li>{@code newsflow.duplicates{kind}}: dropped duplicates by kind;</li>
 *   <li>{@code newsflow.deadletters{reason}}: dead letters by reason category
 *       ({@link DeadLetterReasons}); at most {@value #MAX_REASONS} categories, then
 *       {@code "other"}, so a flood of new messages cannot blow up the label set;</li>
 *   <li>{@code newsflow.end.to.end.latency{from}}: from the scraper's {@code fetchedAt}
 *       ({@code from=fetched}, where the page states it) and from ingestion into
 *       {@code news.raw} ({@code from=ingested}) to the outcome being produced.</li>
 * </ul>
 *
 * <p>Thread-safe: stream threads of one instance share one object. The meter caches are per
 * object (no static state); meters themselves live in the registry.
 */
public final class PipelineMetrics {

    /**
     * Key under which an instance is passed in the Kafka Streams configuration, so that
     * {@link DeadLetterHandler} (instantiated by Kafka Streams) finds it.
     */
    public static final String CONFIG_KEY = "newsflow.metrics";

    /** Most distinct dead-letter reason categories given their own label value. */
    public static final int MAX_REASONS = 32;

    private final MeterRegistry registry;
    private final Map<String, Counter> stageRecords = new ConcurrentHashMap<>();
    private final Map<String, Timer> stageLatency = new ConcurrentHashMap<>();
    private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Timer> endToEnd = new ConcurrentHashMap<>();

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Metrics that go nowhere (a registry with no backends), for tests and tools. */
    public static PipelineMetrics disabled() {
        return new PipelineMetrics(new CompositeMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** One record left {@code stage}, after {@code micros} in it (negative: unknown). */
    public void stageRecord(String stage, long micros) {
        stageRecords.computeIfAbsent(stage, s -> Counter.builder("newsflow.stage.records")
            .description("Records leaving a pipeline stage").tag("stage", s).register(registry)).increment();
        if (micros >= 0) {
            stageLatency.computeIfAbsent(stage, s -> Timer.builder("newsflow.stage.latency")
                .description("Time a record spent in a pipeline stage").tag("stage", s)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofMinutes(5)).register(registry))
                .record(micros, TimeUnit.MICROSECONDS);
        }
    }

    /** A duplicate of {@code kind} (EXACT, NEAR) was dropped. */
    public void duplicate(String kind) {
        duplicates.computeIfAbsent(String.valueOf(kind), k -> Counter.builder("newsflow.duplicates")
            .description("Dropped duplicates by kind").tag("kind", k).register(registry)).increment();
    }

    /** A record was dead-lettered for a reason of {@code category}. */
    public void deadLetter(String category) {
        String label = deadLetters.containsKey(category) || deadLetters.size() < MAX_REASONS ? category : "other";
        deadLetters.computeIfAbsent(label, r -> Counter.builder("newsflow.deadletters")
            .description("Dead letters by reason category").tag("reason", r).register(registry)).increment();
    }

    /** An outcome was produced {@code millis} after the time named by {@code from}. */
    public void endToEnd(String from, long millis) {
        endToEnd.computeIfAbsent(from, f -> Timer.builder("newsflow.end.to.end.latency")
            .description("Time from fetch or ingestion to the outcome").tag("from", f)
            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofHours(24)).register(registry))
            .record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }
}

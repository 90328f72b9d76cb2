package newsflow.ops;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import newsflow.core.EventTime;
import newsflow.core.headers.RawSource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A pass-through processor placed between stages that feeds {@link PipelineMetrics}. Timing
 * travels with the record in headers (so it survives repartition topics):
 * {@value #STAGE_START} holds when the record entered its current stage (epoch microseconds),
 * {@value #FETCHED_AT} the scraper's {@code fetchedAt} (epoch milliseconds) where the raw page
 * states one. Outcome probes remove both headers before the record goes to an output topic;
 * {@link #strip()} does so before the other output topics (each branch of a stream carries
 * its own copy of the headers).
 *
 * <p>Stages that drop record headers only lose their latency figure; the records pass
 * unchanged either way.
 */
public final class StageProbe<K, V> implements FixedKeyProcessor<K, V, V> {

    /** Header: when the record entered its current stage, epoch microseconds (8 bytes). */
    public static final String STAGE_START = "newsflow.stage-start";

    /** Header: the raw page's {@code fetchedAt}, epoch milliseconds (8 bytes). */
    public static final String FETCHED_AT = "newsflow.fetched-at";

    private static final JsonFactory JSON = new JsonFactory();

    private enum Kind { ENTRY, EXIT, OUTCOME, STRIP }

    private final Kind kind;
    private final String stage;
    private final PipelineMetrics metrics;
    private FixedKeyProcessorContext<K, V> context;

    private StageProbe(Kind kind, String stage, PipelineMetrics metrics) {
        this.kind = kind;
        this.stage = Objects.requireNonNull(stage, "stage");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * At the raw source: counts the record as {@code stage}, stamps the stage start and the
     * page's {@code fetchedAt} (read from the raw JSON without decoding the body).
     */
    public static FixedKeyProcessorSupplier<byte[], byte[], byte[]> rawEntry(String stage, PipelineMetrics metrics) {
        return () -> new StageProbe<>(Kind.ENTRY, stage, metrics);
    }

    /** After a stage: records its latency and count, and starts the clock of the next one. */
    public static <K, V> FixedKeyProcessorSupplier<K, V, V> exit(String stage, PipelineMetrics metrics) {
        return () -> new StageProbe<>(Kind.EXIT, stage, metrics);
    }

    /**
     * Before an output topic: records the last stage's latency, the end-to-end latency and
     * removes newsflow's timing headers.
     */
    public static <K, V> FixedKeyProcessorSupplier<K, V, V> outcome(String outcome, PipelineMetrics metrics) {
        return () -> new StageProbe<>(Kind.OUTCOME, outcome, metrics);
    }

    /** Before any other output topic: removes newsflow's timing headers, records nothing. */
    public static <K, V> FixedKeyProcessorSupplier<K, V, V> strip() {
        return () -> new StageProbe<>(Kind.STRIP, "strip", PipelineMetrics.disabled());
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        Headers headers = record.headers();
        long now = nowMicros();
        switch (kind) {
            case ENTRY -> {
                metrics.stageRecord(stage, -1);
                put(headers, STAGE_START, now);
                if (record.value() instanceof byte[] raw) {
                    Instant fetched = fetchedAt(raw);
                    if (fetched != null) {
                        put(headers, FETCHED_AT, fetched.toEpochMilli());
                    }
                }
            }
            case EXIT -> {
                metrics.stageRecord(stage, elapsed(headers, now));
                put(headers, STAGE_START, now);
            }
            case OUTCOME -> {
                metrics.stageRecord(stage, elapsed(headers, now));
                long nowMillis = now / 1000;
                metrics.endToEnd("ingested", nowMillis - record.timestamp());
                long fetched = get(headers, FETCHED_AT);
                if (fetched > 0) {
                    metrics.endToEnd("fetched", nowMillis - fetched);
                }
                headers.remove(STAGE_START);
                headers.remove(FETCHED_AT);
                headers.remove(RawSource.HEADER);
            }
            case STRIP -> {
                headers.remove(STAGE_START);
                headers.remove(FETCHED_AT);
                headers.remove(RawSource.HEADER);
            }
            default -> throw new IllegalStateException(kind.name());
        }
        context.forward(record);
    }

    /**
     * The top-level {@code fetchedAt} of a raw JSON page, or {@code null} when absent or
     * unreadable (bad input is the clean stage's business, not this probe's).
     */
    static Instant fetchedAt(byte[] raw) {
        if (raw == null) {
            return null;
        }
        try (JsonParser p = JSON.createParser(raw)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("fetchedAt".equals(name)) {
                    if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                        return EventTime.ofEpochNumber(p.getDoubleValue()); // as the codec reads it
                    }
                    return value == JsonToken.VALUE_STRING ? EventTime.parse(p.getText()) : null;
                }
                p.skipChildren();
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static long elapsed(Headers headers, long nowMicros) {
        long start = get(headers, STAGE_START);
        return start > 0 ? Math.max(0, nowMicros - start) : -1;
    }

    private static void put(Headers headers, String name, long value) {
        headers.remove(name);
        headers.add(name, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static long get(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null || h.value().length != Long.BYTES ? -1 : ByteBuffer.wrap(h.value()).getLong();
    }
}

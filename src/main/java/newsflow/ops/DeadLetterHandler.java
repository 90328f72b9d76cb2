package newsflow.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import newsflow.clean.UnusablePageException;
import newsflow.core.headers.RawSource;
import newsflow.ingest.InvalidPageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that a processor could not handle to the dead-letter topic and lets the
 * stream carry on (KIP-1034). The dead letter holds the original key and value bytes of the
 * source record and, in headers, the reason ({@code __streams.errors.message}), the exception
 * class, the stack trace and the source topic, partition and offset: the same headers as Kafka
 * Streams' own handler, so any DLQ tooling reads them.
 *
 * <p>A record that fails after the clean stage is in newsflow's internal form; when it names
 * its raw record ({@link RawSource}), the dead letter holds that record's key and value, read
 * back from the raw topic, and the raw topic, partition and offset in the headers, so that
 * every dead letter can be replayed by producing its bytes to the raw topic again. Where the
 * stage failed is in {@value #FAILED_AT_HEADER}. If the raw record cannot be read (deleted by
 * retention), the dead letter holds the internal bytes and says why in
 * {@value #ORIGINAL_HEADER}.
 *
 * <p>Bad input is expected (a scraper sent broken JSON, a page had no article): it is logged
 * in one line. Anything else is a bug and is logged with its stack trace.
 */
public final class DeadLetterHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
    private static final String PREFIX = "__streams.errors.";

    /** Header: the internal record that failed ({@code topic-partition@offset}, processor node). */
    public static final String FAILED_AT_HEADER = "newsflow.failed-at";
    /** Header on a dead letter whose raw record could not be read back: why. */
    public static final String ORIGINAL_HEADER = "newsflow.original";

    /**
     * How long a dead letter waits for its raw record: short, since it runs on the stream
     * thread inside a transaction; past it the dead letter keeps the internal bytes.
     */
    private static final Duration RAW_READ_TIMEOUT = Duration.ofSeconds(2);

    private String topic;
    private PipelineMetrics metrics = PipelineMetrics.disabled();
    private RawRecords rawRecords;

    /**
     * Reads the dead-letter topic name and, when the configuration holds a
     * {@link PipelineMetrics} under {@link PipelineMetrics#CONFIG_KEY}, counts dead letters by
     * reason category there.
     */
    @Override
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        topic = name == null ? null : name.toString();
        rawRecords = new RawRecords(configs);
        if (configs.get(PipelineMetrics.CONFIG_KEY) instanceof PipelineMetrics m) {
            metrics = m;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String where = context.topic() + "-" + context.partition() + "@" + context.offset();
        if (isBadInput(exception)) {
            LOG.warn("dead-lettered {}: {}", where, exception.getMessage());
        } else {
            LOG.warn("dead-lettered {} after an unexpected error in {}", where, context.processorNodeId(), exception);
        }
        metrics.deadLetter(DeadLetterReasons.categoryOf(exception));
        if (topic == null) {
            return Response.resume();
        }
        return Response.resume(List.of(deadLetter(context, exception)));
    }

    /** The dead-letter record: original bytes, original headers, and the error headers. */
    ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, Exception exception) {
        byte[] key = context.sourceRawKey();
        byte[] value = context.sourceRawValue();
        String sourceTopic = context.topic();
        int sourcePartition = context.partition();
        long sourceOffset = context.offset();
        String failedAt = null;
        String original = null;
        RawSource raw = RawSource.of(context.headers());
        if (raw != null && !raw.topic().equals(context.topic())) {
            failedAt = context.topic() + "-" + context.partition() + "@" + context.offset() + " in " + context.processorNodeId();
            ConsumerRecord<byte[], byte[]> r = readRaw(raw);
            if (r != null) {
                key = r.key();
                value = r.value();
                sourceTopic = raw.topic();
                sourcePartition = raw.partition();
                sourceOffset = raw.offset();
            } else {
                original = "raw record " + raw + " could not be read back (deleted by retention?): the value is newsflow's internal form";
            }
        }
        ProducerRecord<byte[], byte[]> dl = new ProducerRecord<>(topic, null, context.timestamp(), key, value);
        if (context.headers() != null) {
            for (Header h : context.headers()) {
                if (!h.key().startsWith(PREFIX) && !h.key().startsWith(StageProbe.STAGE_START)
                    && !h.key().startsWith(StageProbe.FETCHED_AT)) {
                    dl.headers().add(h);
                }
            }
        }
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        add(dl, "exception", exception.getClass().getName());
        add(dl, "message", exception.getMessage() == null ? exception.toString() : exception.getMessage());
        add(dl, "stacktrace", trace.toString());
        add(dl, "topic", sourceTopic);
        add(dl, "partition", String.valueOf(sourcePartition));
        add(dl, "offset", String.valueOf(sourceOffset));
        if (failedAt != null) {
            dl.headers().add(FAILED_AT_HEADER, failedAt.getBytes(StandardCharsets.UTF_8));
        }
        if (original != null) {
            dl.headers().add(ORIGINAL_HEADER, original.getBytes(StandardCharsets.UTF_8));
        }
        return dl;
    }

    private ConsumerRecord<byte[], byte[]> readRaw(RawSource raw) {
        if (rawRecords == null || !rawRecords.configured()) {
            return null;
        }
        try {
            return rawRecords.read(raw, RAW_READ_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warn("could not read raw record {} back for its dead letter", raw, e);
            return null;
        }
    }

    /** Whether the exception says the input was bad, rather than that newsflow has a bug. */
    public static boolean isBadInput(Exception e) {
        return e instanceof InvalidPageException || e instanceof UnusablePageException;
    }

    private static void add(ProducerRecord<byte[], byte[]> r, String name, String value) {
        r.headers().add(PREFIX + name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}

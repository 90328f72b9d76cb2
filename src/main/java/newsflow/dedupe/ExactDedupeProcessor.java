package newsflow.dedupe;

import java.time.Duration;

import newsflow.clean.CleanArticle;
import newsflow.ingest.ArticleIds;
import newsflow.pipeline.EventTime;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Exact dedupe on records keyed by {@link BodyHash}: the first article seen with a body hash
 * is kept, later ones within the horizon (in event time: publication time) are dropped as
 * {@code EXACT} duplicates of it.
 * Emits one {@link DedupeVerdict} per input, re-keyed by article id.
 *
 * <p>The index ({@code body hash -> first article}) lives in a changelogged store, so a
 * restarted instance carries on; entries older than the horizon (behind the latest event time
 * seen) are deleted by a punctuator.
 */
final class ExactDedupeProcessor implements Processor<String, CleanArticle, String, DedupeVerdict> {

    /** What the index remembers of the first article with a body hash. */
    record IndexEntry(String id, long eventTime) {
    }

    private final String storeName;
    private final Duration horizon;
    private ProcessorContext<String, DedupeVerdict> context;
    private KeyValueStore<String, IndexEntry> index;
    /** Latest event time this task has seen; after a restart it starts again from the records. */
    private long latestEventTime = Long.MIN_VALUE;

    ExactDedupeProcessor(String storeName, Duration horizon) {
        this.storeName = storeName;
        this.horizon = horizon;
    }

    @Override
    public void init(ProcessorContext<String, DedupeVerdict> context) {
        this.context = context;
        this.index = context.getStateStore(storeName);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, now -> forgetExpired());
    }

    @Override
    public void process(Record<String, CleanArticle> record) {
        String id = ArticleIds.idOf(record.value().url());
        long eventTime = EventTime.millis(record.value().publishedAt(), record.timestamp());
        latestEventTime = Math.max(latestEventTime, eventTime);
        IndexEntry original = index.get(record.key());
        DedupeVerdict verdict;
        if (original != null && Math.abs(eventTime - original.eventTime()) <= horizon.toMillis()) {
            verdict = DedupeVerdict.duplicate(id, record.value(), original.id(), DuplicateKind.EXACT, 1.0);
        } else {
            index.put(record.key(), new IndexEntry(id, eventTime));
            verdict = DedupeVerdict.unique(id, record.value());
        }
        context.forward(record.withKey(id).withValue(verdict));
    }

    /** Deletes index entries older than the horizon, measured from the latest event time seen. */
    private void forgetExpired() {
        if (latestEventTime == Long.MIN_VALUE) {
            return;
        }
        long cutoff = latestEventTime - horizon.toMillis();
        try (KeyValueIterator<String, IndexEntry> all = index.all()) {
            while (all.hasNext()) {
                KeyValue<String, IndexEntry> entry = all.next();
                if (entry.value.eventTime() < cutoff) {
                    index.delete(entry.key);
                }
            }
        }
    }
}

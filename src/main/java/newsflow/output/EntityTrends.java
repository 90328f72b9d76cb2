package newsflow.output;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import newsflow.avro.EntityTrend;
import newsflow.core.EventTime;
import newsflow.core.TaggedArticle;
import newsflow.core.TaggedEntity;
import newsflow.core.serde.JsonSerde;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Entity trends: per entity and hour of publication, how many unique articles mention it.
 * Only kept articles reach this stage, so a duplicate never counts twice.
 *
 * <p>Each article contributes one count per entity (not per mention). Counts live in the
 * queryable store {@link #STORE}, keyed {@code <entityId>@<hour>}; every update goes to
 * {@code news.entity-trends} under the same key.
 */
public final class EntityTrends {

    /** The queryable store of trend counts. */
    public static final String STORE = "entity-trends-store";

    /** The running count of one entity in one hour. */
    public record Count(String entityId, String name, String type, String hour, long articles) {

        Count plus(Count other) {
            return new Count(other.entityId, other.name, other.type, other.hour, articles + other.articles);
        }

        Count minus(Count other) {
            return new Count(entityId, name, type, hour, articles - other.articles);
        }
    }

    private EntityTrends() {
    }

    /** Per article, its contribution to one entity-hour: the unit the counts are built from. */
    public static final String CONTRIBUTIONS_STORE = "entity-trend-contributions";

    /**
     * Counts entity mentions per hour; returns the table of counts.
     *
     * <p>Each (entity, hour, article) is a row of a table, so an article re-emitted counts once,
     * and a retracted article (a tombstone row) is subtracted again.
     */
    public static KTable<String, Count> build(KStream<String, TaggedArticle> articles) {
        return articles
            .process(ExplodeByEntity::new, Named.as("entity-trends-explode"))
            .toTable(Named.as("entity-trends-contributions"),
                Materialized.<String, Count, KeyValueStore<Bytes, byte[]>>as(CONTRIBUTIONS_STORE)
                    .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(Count.class)))
            .groupBy((key, c) -> KeyValue.pair(c.entityId() + "@" + c.hour(), c),
                Grouped.with("entity-trends-by-entity-hour", Serdes.String(), JsonSerde.of(Count.class)))
            .aggregate(() -> null,
                (key, c, total) -> total == null ? c : total.plus(c),
                (key, c, total) -> total == null || total.articles() <= c.articles() ? null : total.minus(c),
                Named.as("entity-trends-count"),
                Materialized.<String, Count, KeyValueStore<Bytes, byte[]>>as(STORE)
                    .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(Count.class)));
    }

    /** The Avro record of a count. */
    public static EntityTrend toAvro(Count c) {
        return new EntityTrend(c.entityId(), c.name(), c.type(), c.hour(), c.articles());
    }

    /** The count an entity-trends record carries (what {@link #toAvro} wrote). */
    public static Count fromAvro(EntityTrend t) {
        return new Count(t.getEntityId(), t.getName(), t.getType(), t.getHour(), t.getArticles());
    }

    /** The start of the hour of an article's publication (ingestion time when unknown). */
    public static String hourOf(String publishedAt, long recordTimestamp) {
        return Instant.ofEpochMilli(EventTime.millis(publishedAt, recordTimestamp))
            .truncatedTo(ChronoUnit.HOURS).toString();
    }

    /** One count of 1 per entity of an article, keyed by entity and hour of publication. */
    private static final class ExplodeByEntity implements Processor<String, TaggedArticle, String, Count> {

        private ProcessorContext<String, Count> context;

        @Override
        public void init(ProcessorContext<String, Count> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, TaggedArticle> record) {
            String hour = hourOf(record.value().verdict().article().publishedAt(), record.timestamp());
            boolean retracted = record.value().verdict().retractsArticle();
            for (TaggedEntity e : record.value().entities()) {
                Count one = new Count(e.id(), e.name(), e.type().name(), hour, 1);
                // Trend records carry no headers of the article (outcome, timing).
                context.forward(record.withKey(e.id() + "@" + hour + "|" + record.key())
                    .withValue(retracted ? null : one).withHeaders(new RecordHeaders()));
            }
        }
    }
}

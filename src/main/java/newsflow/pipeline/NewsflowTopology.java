package newsflow.pipeline;

import java.util.List;
import java.util.Objects;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.stage.CleanStage;
import newsflow.core.CleanArticle;
import newsflow.core.DedupeVerdict;
import newsflow.core.TaggedArticle;
import newsflow.core.Topics;
import newsflow.core.headers.Outcome;
import newsflow.dedupe.stage.DedupeConfig;
import newsflow.dedupe.stage.DedupeStage;
import newsflow.entities.EntityTagger;
import newsflow.entities.stage.EntityStage;
import newsflow.ingest.RawPageCodec;
import newsflow.ops.PipelineMetrics;
import newsflow.ops.StageProbe;
import newsflow.output.AvroSerde;
import newsflow.output.EntityTrends;
import newsflow.output.OutputRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The newsflow topology, a pure function of its configuration and stage components:
 *
 * <pre>
 *  news.raw ──clean──► dedupe ──┬─ duplicates ──────────────────► news.duplicates
 *     │                         ├─ kept ──entities──┬──────────► news.articles
 *     │                         └─ retracted ───────┴─ trends ──► news.entity-trends
 *     └─ (any processing error, original bytes + reason) ───────► news.deadletter
 * </pre>
 *
 * <p>This is the processing topology only: the serving views behind the query API are built
 * from its output topics by a topology of their own ({@code newsflow.serving.ServingViews}),
 * run under their own application id.
 *
 * <p>Every raw record ends in exactly one of articles, duplicates or dead letters (its first
 * outcome carries the header {@code newsflow.outcome: new}; a later revision, {@code revision}:
 * a copy kept before its original arrived is retracted with a tombstone on articles). Every
 * operator, store and internal topic is named, so internal topics keep their names across
 * releases ({@code ensure.explicit.internal.resource.naming} is on).
 */
public final class NewsflowTopology {

    /** The stage implementations the topology wires together (read-only, thread-safe). */
    public record Stages(ArticleCleaner cleaner, EntityTagger tagger) {

        public Stages {
            Objects.requireNonNull(cleaner, "cleaner");
            Objects.requireNonNull(tagger, "tagger");
        }
    }

    private NewsflowTopology() {
    }

    /** The topology without metrics (they go to a registry with no backend). */
    public static Topology build(PipelineConfig config, Stages stages) {
        return build(config, stages, PipelineMetrics.disabled());
    }

    /** The topology, feeding {@code metrics} (stage counts and latencies, duplicates by kind). */
    public static Topology build(PipelineConfig config, Stages stages, PipelineMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        Topics topics = config.topics();

        // Raw values are read as bytes: parsing happens inside the clean stage, so that a
        // malformed record becomes a dead letter with its reason instead of a poison pill.
        KStream<byte[], byte[]> raw = builder.stream(topics.raw(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("raw-pages"));

        // [serving/ops] metrics probes between stages (newsflow.ops.StageProbe): pass-through.
        KStream<byte[], byte[]> probedRaw = raw.processValues(StageProbe.rawEntry("raw", metrics), Named.as("metrics-raw"));

        KStream<String, CleanArticle> clean =
            CleanStage.build(probedRaw, new RawPageCodec(config.maxPageBytes()), stages.cleaner())
                .processValues(StageProbe.exit("clean", metrics), Named.as("metrics-clean"));

        KStream<String, DedupeVerdict> verdicts =
            DedupeStage.build(builder, clean,
                DedupeConfig.of(config.dedupeHorizon(), config.partitions()), config.partitions())
                .processValues(StageProbe.exit("dedupe", metrics), Named.as("metrics-dedupe"));

        verdicts.filter((id, v) -> v.isDuplicate(), Named.as("duplicates-only"))
            .peek((id, v) -> metrics.duplicate(v.kind() == null ? "UNKNOWN" : v.kind().name()), Named.as("metrics-duplicate-kind"))
            .processValues(StageProbe.outcome("duplicates", metrics), Named.as("metrics-duplicates-out"))
            .mapValues(OutputRecords::duplicate, Named.as("duplicates-to-avro"))
            .to(topics.duplicates(), Produced.with(Serdes.String(), AvroSerde.duplicates())
                .withName("duplicates-out"));

        // Kept articles are tagged. A retracted one (a copy first kept, then found to follow an
        // original that arrived later) is not tagged again: the trend stage takes back what it
        // counted, and the articles topic gets a tombstone.
        KStream<String, TaggedArticle> tagged = EntityStage.build(
            verdicts.filter((id, v) -> !v.isDuplicate(), Named.as("kept-only")), stages.tagger())
            .processValues(StageProbe.exit("entities", metrics), Named.as("metrics-entities"));
        // Its tombstone is a revision even when its verdict is a first outcome (an update found
        // to be a copy): that verdict is accounted for on news.duplicates.
        KStream<String, TaggedArticle> retracted = verdicts
            .filter((id, v) -> v.retractsArticle(), Named.as("retracted-only"))
            .processValues(() -> new FixedKeyProcessor<String, DedupeVerdict, TaggedArticle>() {
                private FixedKeyProcessorContext<String, TaggedArticle> context;

                @Override
                public void init(FixedKeyProcessorContext<String, TaggedArticle> context) {
                    this.context = context;
                }

                @Override
                public void process(FixedKeyRecord<String, DedupeVerdict> r) {
                    context.forward(r.withValue(new TaggedArticle(r.value(), List.<newsflow.core.TaggedEntity>of()))
                        .withHeaders(Outcome.set(new RecordHeaders(r.headers().toArray()), Outcome.REVISION)));
                }
            }, Named.as("retracted-untagged"));
        KStream<String, TaggedArticle> keptOrRetracted = tagged.merge(retracted, Named.as("kept-or-retracted"));

        keptOrRetracted.processValues(StageProbe.outcome("articles", metrics), Named.as("metrics-articles-out"))
            .mapValues(t -> t.verdict().retractsArticle() ? null : OutputRecords.article(t),
                Named.as("articles-to-avro"))
            .to(topics.articles(), Produced.with(Serdes.String(), AvroSerde.articles())
                .withName("articles-out"));

        EntityTrends.build(builder, keptOrRetracted, config.trendRetention())
            .processValues(StageProbe.strip(), Named.as("metrics-entity-trends-strip"))
            .mapValues(c -> c == null ? null : EntityTrends.toAvro(c), Named.as("entity-trends-to-avro"))
            .to(topics.entityTrends(), Produced.with(Serdes.String(), AvroSerde.entityTrends())
                .withName("entity-trends-out"));

        return builder.build();
    }
}

package newsflow.entities.stage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import newsflow.core.DedupeVerdict;
import newsflow.core.RecordFailure;
import newsflow.core.TaggedArticle;
import newsflow.core.TaggedEntity;
import newsflow.entities.EntityTagger;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entity stage in the stream: tags each kept article. Stateless (the tagger's model and
 * knowledge base are read-only), so it runs in whichever task holds the article.
 *
 * <p>The work per article is bounded: at most {@link #MAX_TAGGED_CHARS} of its text are tagged,
 * within {@link #TIME_BUDGET}. An exact copy of an article tagged moments before (same title and
 * text) takes its entities instead ({@link RecentTaggings}; the sensor
 * {@value #REUSED_TAGGING_METRIC} counts them).
 * Tagging never costs an article: if the tagger fails on one (an exception, a stack
 * overflow, running out of memory), the article goes on without entities, its record carries
 * the header {@value #WARNING_HEADER} with the reason, and the failure is logged. The article
 * has been cleaned and deduplicated by then (its verdict may already have been sent to
 * copies waiting on it), so dropping it here would lose an input and break the rule that every
 * raw record ends as exactly one article, duplicate or dead letter.
 *
 * <p>Articles in a language the tagger has no model for ({@link EntityTagger#supportsLanguage};
 * English only today) go on without entities instead of an English model being run over, say,
 * German text; the Kafka Streams sensor {@value #UNSUPPORTED_LANGUAGE_METRIC} counts them
 * (group {@code stream-newsflow-metrics}, tag {@code newsflow-id=entities}; {@code -total} and
 * {@code -rate}), and the article's
 * {@value #WARNING_HEADER} header says why.
 */
public final class EntityStage {

    /** Header on an article whose entities could not be found, with the reason. */
    public static final String WARNING_HEADER = "newsflow.warning";

    /**
     * The most text tagged per article (about 30,000 words; a long news story has a tenth of
     * that). A longer body is tagged up to the last space before the cap, and the article says
     * so in {@value #WARNING_HEADER}: the work per record stays bounded.
     */
    public static final int MAX_TAGGED_CHARS = 200_000;

    /**
     * The most time spent tagging one article. Past it the recogniser stops within a few
     * sentences (one run of its model) and the article says in {@value #WARNING_HEADER} how much was tagged, so that no
     * article holds its stream thread near the 10 s transaction timeout (see {@code StreamsSettings}).
     * A 200,000-character text of news takes about 3 s on one core of the project's machine.
     */
    public static final Duration TIME_BUDGET = Duration.ofSeconds(5);

    /** The sensor counting articles left untagged for want of a model in their language. */
    public static final String UNSUPPORTED_LANGUAGE_METRIC = "untagged-language";

    /**
     * The sensor counting articles that took the entities of the same title and text tagged
     * moments before (an exact copy that reached the stage before its original; see
     * {@link RecentTaggings}) instead of being tagged again.
     */
    public static final String REUSED_TAGGING_METRIC = "reused-tagging";

    private static final Logger LOG = LoggerFactory.getLogger(EntityStage.class);

    private EntityStage() {
    }

    public static KStream<String, TaggedArticle> build(KStream<String, DedupeVerdict> kept,
                                                       EntityTagger tagger) {
        Objects.requireNonNull(tagger, "tagger");
        RecentTaggings recent = new RecentTaggings();
        return kept.processValues(() -> new TagProcessor(tagger, recent), Named.as("entities-tag"));
    }

    private static final class TagProcessor implements FixedKeyProcessor<String, DedupeVerdict, TaggedArticle> {

        private final EntityTagger tagger;
        private final RecentTaggings recent;
        private FixedKeyProcessorContext<String, TaggedArticle> context;
        private Sensor untaggedLanguage;
        private Sensor reused;

        TagProcessor(EntityTagger tagger, RecentTaggings recent) {
            this.tagger = tagger;
            this.recent = recent;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, TaggedArticle> context) {
            this.context = context;
            this.untaggedLanguage = context.metrics().addRateTotalSensor("newsflow", "entities",
                UNSUPPORTED_LANGUAGE_METRIC, Sensor.RecordingLevel.INFO);
            this.reused = context.metrics().addRateTotalSensor("newsflow", "entities",
                REUSED_TAGGING_METRIC, Sensor.RecordingLevel.INFO);
        }

        @Override
        public void process(FixedKeyRecord<String, DedupeVerdict> record) {
            DedupeVerdict v = record.value();
            String language = v.article().language();
            Tagging result;
            if (tagger.supportsLanguage(language)) {
                result = tag(record.key(), v);
            } else {
                untaggedLanguage.record();
                result = new Tagging(List.of(), "no entity model for language '" + language + "'");
            }
            FixedKeyRecord<String, TaggedArticle> out = record.withValue(new TaggedArticle(v, result.entities()));
            context.forward(result.warning() == null ? out
                : out.withHeaders(record.headers().add(WARNING_HEADER, result.warning().getBytes(StandardCharsets.UTF_8))));
        }

        /** The article's entities, and what its warning header says (null: nothing to say). */
        private record Tagging(List<TaggedEntity> entities, String warning) {
        }

        /**
         * Tags the article's text up to the cap and the time budget, or reuses the entities of
         * the same title and text tagged recently; a failure costs the entities, not the article.
         */
        private Tagging tag(String key, DedupeVerdict v) {
            String text = v.article().text();
            RecentTaggings.Digest digest = RecentTaggings.Digest.of(v.article().title(), text);
            List<TaggedEntity> known = recent.get(digest);
            if (known != null) {
                reused.record();
                return new Tagging(known, null);
            }
            String capped = text.length() <= MAX_TAGGED_CHARS ? text : text.substring(0, cut(text));
            try {
                EntityTagger.Result r = RecordFailure.guard("entity tagging",
                    () -> tagger.tag(v.article().title(), capped, TIME_BUDGET));
                String warning = r.taggedChars() >= text.length() ? null
                    : "entities from the first " + r.taggedChars() + " of " + text.length() + " characters"
                        + (r.taggedChars() < capped.length() ? " (time budget of " + TIME_BUDGET.toSeconds() + " s)" : "");
                if (warning == null) {
                    recent.put(digest, r.entities());
                }
                return new Tagging(r.entities(), warning);
            } catch (RuntimeException e) {
                LOG.warn("article {} goes on without entities: tagging failed", key, e);
                return new Tagging(List.of(),
                    "entities skipped: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
            }
        }

        /** Where a text over the cap is cut: the last space before it, so no word is split. */
        private static int cut(String text) {
            int space = text.lastIndexOf(' ', MAX_TAGGED_CHARS);
            return space > MAX_TAGGED_CHARS / 2 ? space : MAX_TAGGED_CHARS;
        }
    }
}

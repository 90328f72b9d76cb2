package newsflow.clean.stage;

import java.util.Objects;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.UnusablePageException;
import newsflow.core.CleanArticle;
import newsflow.core.RecordFailure;
import newsflow.core.headers.RawSource;
import newsflow.ingest.ArticleIds;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The clean stage in the stream: raw record bytes in, {@link CleanArticle}s keyed by article id
 * out.
 *
 * <p>A record that is not a usable page makes the processor throw ({@code InvalidPageException}
 * from the codec, {@link UnusablePageException} from the cleaner). Kafka Streams' processing
 * exception handler then writes the original record bytes to the dead-letter topic with the
 * exception message as the reason (KIP-1034) and the stream carries on. So does a stack
 * overflow or an out-of-memory error on one page ({@link RecordFailure}), which would otherwise
 * kill the stream thread and be read again by its replacement. This stage runs before any
 * repartition, so the dead letter holds exactly what the scraper sent. Each article it forwards
 * names its raw record ({@link RawSource}), so that the stages after it can dead-letter the
 * scraper's bytes too.
 */
public final class CleanStage {

    private CleanStage() {
    }

    public static KStream<String, CleanArticle> build(KStream<byte[], byte[]> raw,
                                                      RawPageCodec codec, ArticleCleaner cleaner) {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(cleaner, "cleaner");
        return raw.process(() -> new CleanProcessor(codec, cleaner), Named.as("clean"));
    }

    private static final class CleanProcessor implements Processor<byte[], byte[], String, CleanArticle> {

        private final RawPageCodec codec;
        private final ArticleCleaner cleaner;
        private ProcessorContext<String, CleanArticle> context;

        CleanProcessor(RawPageCodec codec, ArticleCleaner cleaner) {
            this.codec = codec;
            this.cleaner = cleaner;
        }

        @Override
        public void init(ProcessorContext<String, CleanArticle> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            // Only this stage names a raw source: one a scraper sent is not trusted.
            record.headers().remove(RawSource.HEADER);
            RawPage page = codec.decode(record.value());
            CleanArticle article = RecordFailure.guard("cleaning", () -> cleaner.clean(page));
            Record<String, CleanArticle> out = record.withKey(ArticleIds.idOf(page.url())).withValue(article);
            context.recordMetadata().ifPresent(m -> new RawSource(m.topic(), m.partition(), m.offset()).addTo(out.headers()));
            context.forward(out);
        }
    }
}

package newsflow.clean.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.core.CleanArticle;
import newsflow.core.Topics;
import newsflow.core.serde.JsonSerde;
import newsflow.ingest.ArticleIds;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.pipeline.StreamsSettings;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clean stage alone: raw bytes in, clean articles keyed by id out, bad input dead-lettered. */
class CleanStageTest {

    static final String PAGE = "<html><body><nav>Home | World</nav><article>"
        + "<p>The mayor of Port Aurel opened the new Harbour Bridge on Saturday after six years of work on it.</p>"
        + "<p>The crossing links the old town with the Vell Islands and will carry 40,000 vehicles a day.</p>"
        + "<p>Ferries between the old town and the islands will keep running until the end of the summer.</p>"
        + "</article></body></html>";

    @TempDir
    Path state;

    /** The clean stage alone, from topic {@code raw} to {@code clean}, dead letters to {@code dead}. */
    private TopologyTestDriver driver() {
        StreamsBuilder b = new StreamsBuilder();
        CleanStage.build(b.stream("raw", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())),
                new RawPageCodec(1_000_000), new ArticleCleaner(CleaningPolicy.newsDefaults()))
            .to("clean", Produced.with(Serdes.String(), JsonSerde.of(CleanArticle.class)));
        Topics topics = new Topics("raw", "a", "d", "t", "dead");
        return new TopologyTestDriver(b.build(), StreamsSettings.streamsConfig("dummy:9092", state, topics, new Properties()));
    }

    @Test
    void aRawPageBecomesACleanArticleKeyedByItsIdAndBadBytesBecomeDeadLetters() {
        try (TopologyTestDriver d = driver()) {
            var raw = d.createInputTopic("raw", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
            var clean = d.createOutputTopic("clean", Serdes.String().deserializer(), JsonSerde.of(CleanArticle.class).deserializer());
            var dead = d.createOutputTopic("dead", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());

            raw.pipeInput(RawPageCodec.encode(RawPage.ofHtml("https://x.org/bridge", PAGE)));
            raw.pipeInput("not json".getBytes(StandardCharsets.UTF_8));

            var article = clean.readKeyValue();
            assertEquals(ArticleIds.idOf("https://x.org/bridge"), article.key);
            assertTrue(article.value.text().startsWith("The mayor of Port Aurel"));
            var letter = dead.readRecord();
            assertEquals("not json", new String(letter.value(), StandardCharsets.UTF_8));
            assertTrue(new String(letter.headers().lastHeader("__streams.errors.message").value(),
                StandardCharsets.UTF_8).startsWith("malformed JSON"));
        }
    }

    @Test
    void eachArticleNamesTheRawRecordItCameFrom() {
        try (TopologyTestDriver d = driver()) {
            var raw = d.createInputTopic("raw", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
            var clean = d.createOutputTopic("clean", Serdes.String().deserializer(), JsonSerde.of(CleanArticle.class).deserializer());
            raw.pipeInput(RawPageCodec.encode(RawPage.ofHtml("https://x.org/one", PAGE)));
            raw.pipeInput(RawPageCodec.encode(RawPage.ofHtml("https://x.org/two", PAGE.replace("Saturday", "Sunday"))));

            var records = clean.readRecordsToList();
            assertEquals(new newsflow.core.headers.RawSource("raw", 0, 0), newsflow.core.headers.RawSource.of(records.get(0).headers()));
            assertEquals(new newsflow.core.headers.RawSource("raw", 0, 1), newsflow.core.headers.RawSource.of(records.get(1).headers()));
        }
    }
}

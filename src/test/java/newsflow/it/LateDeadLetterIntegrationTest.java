package newsflow.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.clean.stage.CleanStage;
import newsflow.core.CleanArticle;
import newsflow.core.serde.JsonSerde;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.ingest.SyntheticPages;
import newsflow.ops.DeadLetterHandler;
import newsflow.pipeline.PipelineConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A record that fails after the clean stage, past a repartition, is dead-lettered with the
 * scraper's original bytes, read back from the raw topic, not newsflow's internal form.
 */
class LateDeadLetterIntegrationTest {

    @RegisterExtension
    static final BrokerHarness harness = new BrokerHarness();

    @Test
    void aRecordFailingAfterCleaningIsDeadLetteredWithTheScrapersBytes() {
        try (BrokerHarness.Run run = harness.newRun(PipelineConfig.defaults())) {
            StreamsBuilder b = new StreamsBuilder();
            CleanStage.build(b.stream(run.config.topics().raw(),
                    Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("raw")),
                    new RawPageCodec(PipelineConfig.DEFAULT_MAX_PAGE_BYTES), new ArticleCleaner(CleaningPolicy.newsDefaults()))
                .repartition(Repartitioned.<String, CleanArticle>as("after-clean")
                    .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(CleanArticle.class)))
                .mapValues(a -> {
                    if (a.url().contains("poison")) {
                        throw new IllegalStateException("a late stage cannot handle " + a.url());
                    }
                    return a.url();
                }, Named.as("late-stage"))
                .to(run.config.topics().articles(), Produced.with(Serdes.String(), Serdes.String()).withName("out"));
            run.startTopology(b.build(), new Properties());

            byte[] poison = (" {\"url\": \"https://x.org/poison\",  \"html\": " + quoted(SyntheticPages.html(3)) + "}")
                .getBytes(StandardCharsets.UTF_8);
            run.send(RawPageCodec.encode(RawPage.ofHtml("https://x.org/fine", SyntheticPages.html(1))));
            run.send(poison);

            ConsumerRecord<byte[], byte[]> dl = firstDeadLetter(run, Duration.ofSeconds(60));
            assertNotNull(dl, "a dead letter");
            assertArrayEquals(poison, dl.value(), "the bytes as the scraper sent them, spacing included");
            assertEquals("IllegalStateException", header(dl, "__streams.errors.exception").replaceAll(".*\\.", ""));
            assertEquals(run.config.topics().raw(), header(dl, "__streams.errors.topic"));
            String failedAt = header(dl, DeadLetterHandler.FAILED_AT_HEADER);
            assertTrue(failedAt.contains("after-clean") && failedAt.contains("late-stage"), failedAt);
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> firstDeadLetter(BrokerHarness.Run run, Duration timeout) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.GROUP_ID_CONFIG, run.appId + "-dlq-reader");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(run.config.topics().deadLetters()));
            long deadline = System.nanoTime() + timeout.toNanos();
            List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
            while (got.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
            }
            return got.isEmpty() ? null : got.get(0);
        }
    }
}

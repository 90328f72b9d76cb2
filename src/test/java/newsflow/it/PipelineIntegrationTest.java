package newsflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.ingest.SyntheticPages;
import newsflow.output.OutputReader.Output;
import newsflow.pipeline.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole pipeline on a real embedded Kafka broker. */
class PipelineIntegrationTest {

    @RegisterExtension
    static final BrokerHarness harness = new BrokerHarness();

    static String story(int n) {
        return SyntheticPages.html(n);
    }

    @Test
    void aMixedBatchEndsEachInputInExactlyOneOutcomeAndDeadLettersCarryTheirReasons() {
        PipelineConfig config = PipelineConfig.defaults().withMaxPageBytes(20_000);
        try (BrokerHarness.Run run = harness.newRun(config)) {
            run.startInstance();
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(RawPageCodec.encode(RawPage.ofHtml("https://x.org/story/" + i, story(i))));
            }
            sent.add(RawPageCodec.encode(RawPage.ofHtml("https://mirror.example/story-0", story(0))));
            byte[] malformed = "{\"url\": \"https://x.org/bad\", \"html\": \"<p>".getBytes(StandardCharsets.UTF_8);
            byte[] missingBody = "{\"url\": \"https://x.org/empty\", \"title\": \"t\"}".getBytes(StandardCharsets.UTF_8);
            byte[] invalidUtf8 = RawPageCodec.encode(RawPage.ofText("https://x.org/latin1", "caf\u00e9 society"));
            invalidUtf8[invalidUtf8.length - 12] = (byte) 0xE9; // a lone Latin-1 byte
            byte[] oversized = RawPageCodec.encode(RawPage.ofHtml("https://x.org/huge", story(9).repeat(20)));
            sent.addAll(List.of(malformed, missingBody, invalidUtf8, oversized));
            sent.forEach(run::send);

            List<Output> outputs = run.drain(run.readOutcomes(new ArrayList<>(), sent.size(), Duration.ofSeconds(60)),
                Duration.ofSeconds(2));

            Map<String, List<Output>> byTopic = outputs.stream().filter(run.reader::isOutcome)
                .collect(Collectors.groupingBy(Output::topic));
            List<Output> articles = byTopic.getOrDefault(run.config.topics().articles(), List.of());
            List<Output> duplicates = byTopic.getOrDefault(run.config.topics().duplicates(), List.of());
            List<Output> deadLetters = byTopic.getOrDefault(run.config.topics().deadLetters(), List.of());
            assertEquals(sent.size(), articles.size() + duplicates.size() + deadLetters.size(),
                "raw count = articles + duplicates + dead letters");
            assertEquals(3, articles.size());
            assertEquals(1, duplicates.size());
            assertEquals(4, deadLetters.size());

            Map<String, String> reasonByOriginal = deadLetters.stream().collect(Collectors.toMap(
                d -> d.value().has("original") ? d.value().get("original").asText()
                    : new String(Base64.getDecoder().decode(d.value().get("originalBase64").asText()), StandardCharsets.ISO_8859_1),
                d -> d.value().get("reason").asText()));
            assertTrue(reasonByOriginal.get(new String(malformed, StandardCharsets.UTF_8)).startsWith("malformed JSON"));
            assertEquals("missing body: one of 'html', 'htmlBase64' or 'text' is required",
                reasonByOriginal.get(new String(missingBody, StandardCharsets.UTF_8)));
            assertTrue(reasonByOriginal.get(new String(invalidUtf8, StandardCharsets.ISO_8859_1)).startsWith("invalid UTF-8"));
            assertTrue(reasonByOriginal.get(new String(oversized, StandardCharsets.UTF_8)).startsWith("page too large"));
            for (Output d : deadLetters) {
                assertEquals(run.config.topics().raw(), d.value().get("sourceTopic").asText());
            }
        }
    }
}

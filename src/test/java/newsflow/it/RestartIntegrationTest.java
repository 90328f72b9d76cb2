package newsflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newsflow.ingest.ArticleIds;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.output.OutputReader.Output;
import newsflow.pipeline.Pipeline;
import newsflow.pipeline.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stopping newsflow mid-stream and starting it again (on a fresh machine: empty local state)
 * loses nothing and emits nothing twice, and the dedupe index survives through its changelog.
 */
class RestartIntegrationTest {

    @RegisterExtension
    static final BrokerHarness harness = new BrokerHarness();

    private static byte[] page(String url, int story) {
        return RawPageCodec.encode(RawPage.ofHtml(url, PipelineIntegrationTest.story(story)));
    }

    @Test
    void aRestartedInstanceCarriesOnWithEachInputExactlyOnce() {
        try (BrokerHarness.Run run = harness.newRun(PipelineConfig.defaults())) {
            Map<String, Integer> storyOfUrl = new HashMap<>();
            // Phase 1: 50 originals, fully processed, then the instance stops.
            Pipeline first = run.startInstance();
            for (int i = 0; i < 50; i++) {
                String url = "https://x.org/a/" + i;
                storyOfUrl.put(url, i);
                run.send(page(url, i));
            }
            List<Output> outputs = run.readOutcomes(new ArrayList<>(), 50, Duration.ofSeconds(60));
            first.close();

            // Phase 2, sent while nothing runs: 1,500 new stories and 50 copies of phase-1 stories.
            for (int i = 0; i < 1550; i++) {
                String url = "https://mirror.example/b/" + i;
                int story = i < 1500 ? 1000 + i : i - 1500;
                storyOfUrl.put(url, story);
                run.send(page(url, story));
            }
            // Stop a second instance mid-stream, as soon as its first results are out.
            Pipeline second = run.startInstance();
            run.readOutcomes(outputs, 51, Duration.ofSeconds(60));
            second.close();
            // Everything the stopped instance committed, read before anything else runs.
            long seenAtStop = run.drain(outputs, Duration.ofSeconds(1)).stream().filter(run.reader::isOutcome).count();

            run.startInstance();
            run.drain(run.readOutcomes(outputs, 1600, Duration.ofSeconds(120)), Duration.ofSeconds(3));

            Map<String, Integer> outcomesPerId = new HashMap<>();
            int duplicatesOfPhaseOne = 0;
            for (Output o : outputs) {
                if (run.reader.isOutcome(o)) {
                    outcomesPerId.merge(o.key(), 1, Integer::sum);
                    if (o.topic().equals(run.config.topics().duplicates())) {
                        duplicatesOfPhaseOne++;
                        String original = o.value().get("duplicateOf").asText();
                        assertTrue(original.equals(ArticleIds.idOf("https://x.org/a/" + (storyOfUrl.get(urlOf(o.key(), storyOfUrl))))),
                            "duplicate points at its phase-1 original");
                    }
                }
            }
            assertTrue(seenAtStop < 1600, "the second instance was stopped mid-stream: " + seenAtStop + " of 1600 done");
            assertEquals(1600, outcomesPerId.size(), "every input has an outcome");
            assertTrue(outcomesPerId.values().stream().allMatch(n -> n == 1), "no outcome is emitted twice: " + outcomesPerId);
            assertEquals(50, duplicatesOfPhaseOne, "copies sent after the restart are found through the restored index");
        }
    }

    private static String urlOf(String id, Map<String, Integer> storyOfUrl) {
        return storyOfUrl.keySet().stream().filter(u -> ArticleIds.idOf(u).equals(id)).findFirst().orElseThrow();
    }
}

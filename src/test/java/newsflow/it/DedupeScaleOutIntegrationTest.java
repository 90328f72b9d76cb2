package newsflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import newsflow.ingest.ArticleIds;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.ingest.SyntheticPages;
import newsflow.output.OutputReader.Output;
import newsflow.pipeline.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dedupe verdicts do not depend on how many instances share the work: two instances on six
 * partitions end with the same articles and duplicates as one, including copies that arrive
 * before their originals.
 */
class DedupeScaleOutIntegrationTest {

    @RegisterExtension
    static final BrokerHarness harness = new BrokerHarness();

    /** 40 stories; 10 truncated copies, 10 copies in another template; half of them sent first. */
    private static List<byte[]> corpus() {
        List<byte[]> pages = new ArrayList<>();
        List<byte[]> late = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String day = LocalDate.of(2026, 3, 1).plusDays(i % 5).toString();
            byte[] original = page("https://origin.example/" + i, SyntheticPages.html(i, 5, "Origin Daily"), day);
            byte[] copy = i < 10 ? page("https://mirror.example/cut/" + i, SyntheticPages.html(i, 3, "Mirror"), day + "T12:00:00Z")
                : i < 20 ? page("https://mirror.example/full/" + i, SyntheticPages.html(i, 5, "Mirror Herald"), day + "T13:00:00Z")
                : null;
            if (copy != null && i % 2 == 0) {
                pages.add(copy);      // the copy arrives first: its verdict must be revised
                late.add(original);
            } else {
                pages.add(original);
                if (copy != null) {
                    late.add(copy);
                }
            }
        }
        pages.addAll(late);
        return pages;
    }

    private static byte[] page(String url, String html, String publishedAt) {
        return RawPageCodec.encode(new RawPage(url, html, null, null, null, publishedAt, null, "en"));
    }

    /** The final state per article id: "ARTICLE" or "DUPLICATE of <id>". */
    private static Map<String, String> finalVerdicts(int instances) {
        try (BrokerHarness.Run run = harness.newRun(PipelineConfig.defaults().withPartitions(6))) {
            for (int i = 0; i < instances; i++) {
                run.startInstance();
            }
            List<byte[]> corpus = corpus();
            corpus.forEach(run::send);
            List<Output> outputs = run.drain(run.readOutcomes(new ArrayList<>(), corpus.size(), Duration.ofSeconds(120)),
                Duration.ofSeconds(4));
            Map<String, String> live = new TreeMap<>();
            Map<String, String> duplicates = new TreeMap<>();
            for (Output o : outputs) {
                if (o.topic().equals(run.config.topics().articles())) {
                    if (o.value() == null) {
                        live.remove(o.key());
                    } else {
                        live.put(o.key(), "ARTICLE");
                    }
                } else if (o.topic().equals(run.config.topics().duplicates())) {
                    duplicates.put(o.key(), "DUPLICATE of " + o.value().get("duplicateOf").asText());
                }
            }
            Map<String, String> verdicts = new TreeMap<>(duplicates);
            verdicts.putAll(live);
            return verdicts;
        }
    }

    @Test
    void twoInstancesOnSixPartitionsReachTheSameVerdictsAsOne() {
        Map<String, String> one = finalVerdicts(1);
        Map<String, String> two = finalVerdicts(2);
        assertEquals(60, one.size());
        assertEquals(one, two);
        for (int i = 0; i < 20; i++) {
            String copy = ArticleIds.idOf(i < 10 ? "https://mirror.example/cut/" + i : "https://mirror.example/full/" + i);
            assertEquals("DUPLICATE of " + ArticleIds.idOf("https://origin.example/" + i), one.get(copy), "copy of story " + i);
        }
        assertEquals(40, one.values().stream().filter("ARTICLE"::equals).count());
    }
}

package newsflow.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.clean.UnusablePageException;
import newsflow.ingest.RawPage;
import org.junit.jupiter.api.Test;

/**
 * The learned paragraph model on the news benchmark's tuning pages (real pages, gold bodies):
 * it raises precision over the rules alone and costs next to no recall. (Its validation
 * figures, on pages it was not trained on, are in BENCHMARKS.md.)
 */
class ParagraphModelOnTheBenchmarkTest {

    private static final Path NEWS = Path.of("../shared/bench/extraction");

    private static ExtractionMetric.Summary score(CleaningPolicy policy) throws IOException {
        JsonNode gold = new ObjectMapper().readTree(NEWS.resolve("ground-truth.json").toFile());
        ArticleCleaner cleaner = new ArticleCleaner(policy);
        List<ExtractionMetric.PageScore> pages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!DevelopmentSplit.partOf(e.getKey()).equals(DevelopmentSplit.TUNING)) {
                continue;
            }
            String html = ExtractionEvaluation.readPage(NEWS.resolve("html"), e.getKey());
            String text;
            try {
                text = cleaner.clean(RawPage.ofHtml(e.getValue().path("url").asText(), html)).text();
            } catch (UnusablePageException ex) {
                text = null;
            }
            pages.add(ExtractionMetric.score(e.getValue().path("articleBody").asText(), text));
        }
        return ExtractionMetric.summarise(pages);
    }

    @Test
    void theModelRaisesPrecisionOnRealNewsPagesAndKeepsRecall() throws IOException {
        assumeTrue(Files.isDirectory(NEWS), "../shared/bench/extraction is absent");
        ExtractionMetric.Summary rules = score(CleaningPolicy.newsDefaults().withParagraphModel(false));
        ExtractionMetric.Summary model = score(CleaningPolicy.newsDefaults());
        assertTrue(model.precision() >= rules.precision() + 0.003,
                "precision " + rules.precision() + " -> " + model.precision());
        assertTrue(model.recall() >= rules.recall() - 0.002, "recall " + rules.recall() + " -> " + model.recall());
    }
}

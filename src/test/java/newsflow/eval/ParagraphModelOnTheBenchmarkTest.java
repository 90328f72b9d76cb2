package newsflow.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.clean.UnusablePageException;
import newsflow.ingest.RawPage;
import org.junit.jupiter.api.Test;

/**
 * The learned paragraph model on pages it was not trained on: the validation part of the web
 * benchmark (real pages in many languages and layouts, must/must-not segments). Over the rules
 * alone it must raise segment precision and cost at most a point of recall.
 */
class ParagraphModelOnTheBenchmarkTest {

    private static final Path WEB = Path.of("../shared/bench/extraction-web");

    private static WebExtractionEvaluation.Counts score(CleaningPolicy policy) throws IOException {
        JsonNode segments = new ObjectMapper().readTree(WEB.resolve("segments.json").toFile());
        ArticleCleaner cleaner = new ArticleCleaner(policy);
        WebExtractionEvaluation.Counts total = new WebExtractionEvaluation.Counts(0, 0, 0, 0, 0);
        for (Iterator<Map.Entry<String, JsonNode>> it = segments.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String html = DevelopmentSplit.partOf(e.getKey()).equals(DevelopmentSplit.VALIDATION)
                    ? WebExtractionEvaluation.html(WEB, e.getKey()) : null;
            if (html == null) {
                continue;
            }
            String extracted;
            try {
                extracted = WebExtractionEvaluation.scoredText(cleaner.clean(RawPage.ofHtml("file:" + e.getKey(), html)));
            } catch (UnusablePageException ex) {
                extracted = null;
            }
            total = total.plus(WebExtractionEvaluation.score(extracted, e.getValue().path("with"), e.getValue().path("without")));
        }
        return total;
    }

    @Test
    void onPagesItNeverSawTheModelRaisesPrecisionAndCostsAtMostAPointOfRecall() throws IOException {
        assumeTrue(Files.isDirectory(WEB), "../shared/bench/extraction-web is absent");
        WebExtractionEvaluation.Counts rules = score(CleaningPolicy.newsDefaults().withParagraphModel(false));
        WebExtractionEvaluation.Counts model = score(CleaningPolicy.newsDefaults());
        assertTrue(model.precision() >= rules.precision() + 0.01,
                "precision " + rules.precision() + " -> " + model.precision());
        assertTrue(model.recall() >= rules.recall() - 0.01, "recall " + rules.recall() + " -> " + model.recall());
    }
}

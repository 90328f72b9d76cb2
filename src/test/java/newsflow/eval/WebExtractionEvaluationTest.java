package newsflow.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The second benchmark's metric (trafilatura's) and its fixed split. */
class WebExtractionEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode list(String... segments) {
        return JSON.valueToTree(segments);
    }

    @Test
    void segmentsAreMatchedOnWhitespaceNormalisedText() {
        var c = WebExtractionEvaluation.score("The mayor  opened\nthe bridge. Subscribe now!",
            list("mayor opened the bridge", "ferries keep running"), list("Subscribe now", "Cookie settings"));
        assertEquals(1, c.tp());
        assertEquals(1, c.fn());
        assertEquals(1, c.fp());
    }

    @Test
    void aPageWithoutAnArticleMissesAllItsSegmentsAndFindsNoBoilerplate() {
        var c = WebExtractionEvaluation.score(null, list("a", "b"), list("c"));
        assertEquals(0, c.tp());
        assertEquals(2, c.fn());
        assertEquals(0, c.fp());
        assertEquals(1, c.failed());
    }

    @Test
    void theSplitIsFixedAndKeepsAboutAThirdForValidation() {
        assertEquals(DevelopmentSplit.partOf("0042"), DevelopmentSplit.partOf("0042"));
        long validation = java.util.stream.IntStream.range(0, 990).mapToObj(i -> String.format("%04d", i))
            .filter(id -> DevelopmentSplit.partOf(id).equals(DevelopmentSplit.VALIDATION)).count();
        assertTrue(validation > 280 && validation < 380, "validation pages: " + validation);
    }

    @Test
    void aPagesSiteIsItsHostWithoutWww() {
        assertEquals("example.com", WebExtractionEvaluation.site("https://www.Example.com/2020/05/story.html"));
        assertEquals("news.example.de", WebExtractionEvaluation.site("http://news.example.de/a b|c?d=1"));
        assertEquals("example.org", WebExtractionEvaluation.site("https://user@example.org:8080/x"));
    }

    @Test
    void aUrlWithoutAHostIsItsOwnSite() {
        assertEquals("file:0042", WebExtractionEvaluation.site("file:0042"));
        assertEquals("", WebExtractionEvaluation.site(""));
    }
}

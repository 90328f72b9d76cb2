package newsflow.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluation on ../shared/bench/extraction: reference figures reproduced, newsflow on target. */
class ExtractionEvaluationTest {

    private static final Path BENCH = Path.of("..", "shared", "bench", "extraction");
    private static String report;

    @BeforeAll
    static void runEvaluation() {
        assumeTrue(Files.isDirectory(BENCH.resolve("html")), "../shared/bench/extraction absent: evaluation skipped");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = ExtractionEvaluation.run(BENCH.resolve("ground-truth.json"), BENCH.resolve("html"),
                BENCH.resolve("reference-outputs"), new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        report = buf.toString(StandardCharsets.UTF_8);
    }

    /** The "all pages" cell of an extractor's row: F1 (P / R) pages. */
    private static Matcher allPages(String extractor) {
        Matcher m = Pattern.compile("(?m)^" + extractor
                + "\\s+(?:\\S+ \\(\\S+ / \\S+\\) \\d+\\s+){2}(\\S+) \\((\\S+) / (\\S+)\\) \\d+").matcher(report);
        assertTrue(m.find(), "no row for " + extractor + " in\n" + report);
        return m;
    }

    private static double f1(String extractor) {
        return Double.parseDouble(allPages(extractor).group(1));
    }

    private static double recall(String extractor) {
        return Double.parseDouble(allPages(extractor).group(3));
    }

    @Test
    void reproducesPublishedReferenceFigures() {
        assertEquals(0.961, f1("trafilatura"), 1e-9);
        assertEquals(0.945, f1("readability_js"), 1e-9);
        assertEquals(0.953, f1("newspaper"), 1e-9);
        assertEquals(0.970, f1("rs_trafilatura"), 1e-9);
        assertEquals(0.966, f1("AutoExtract"), 1e-9);
    }

    @Test
    void newsflowMeetsTargetAndBeatsEveryReference() {
        double ours = f1("newsflow");
        assertTrue(ours >= 0.97, "newsflow F1 " + ours + "\n" + report);
        assertTrue(recall("newsflow") >= 0.97, "newsflow recall\n" + report);
        for (String ref : new String[] {"trafilatura", "readability_js", "newspaper", "rs_trafilatura", "AutoExtract"}) {
            assertTrue(ours > f1(ref), "newsflow " + ours + " not above " + ref + "\n" + report);
        }
    }

    @Test
    void listsWorstPages() {
        assertTrue(report.contains("worst tuning pages"), report);
    }
}

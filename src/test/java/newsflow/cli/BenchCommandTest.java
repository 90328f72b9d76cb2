package newsflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow bench --corpus}: real records through the pipeline, with the stages measured alone beside it. */
class BenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aCorpusRunReportsThroughputStageTimesAndTheOverheadOverTheSlowestStage() throws Exception {
        String story = "The council of Port Aurel approved the harbour budget on Monday, Mayor Elena Marsh said. "
            + "Spending on the ferries rises by a fifth.";
        Path corpus = tmp.resolve("corpus.jsonl");
        Files.write(corpus, List.of(
            new String(RawPageCodec.encode(RawPage.ofText("https://b.example/1", story)), StandardCharsets.UTF_8),
            new String(RawPageCodec.encode(RawPage.ofText("https://b.example/2", story)), StandardCharsets.UTF_8),
            "not json"));

        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.run(new String[] {"bench", "--corpus", corpus.toString()});
        } finally {
            System.setOut(stdout);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, report);
        assertTrue(report.contains("pipeline: 3 records"), report);
        assertTrue(report.contains("1 articles kept"), "the copy is dropped, the bad record dead-lettered: " + report);
        assertTrue(report.contains("from the first outcome to the last"), report);
        assertTrue(report.matches("(?s).*entities\\s+1 records, mean .* ms, .* of the stream threads' time.*"), report);
        assertTrue(report.matches("(?s).*overhead over the slowest stage \\((clean|entities)\\): .* = -?\\d+ %.*"), report);
    }
}

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
    void aCorpusRunReportsThroughputStartUpStageTimesAndTheOverheadOverTheSlowestStage() throws Exception {
        String story = "The council of Port Aurel approved the harbour budget on Monday, Mayor Elena Marsh said. "
            + "Spending on the ferries rises by a fifth.";
        Path corpus = tmp.resolve("corpus.jsonl");
        List<String> lines = new java.util.ArrayList<>();
        lines.add(new String(RawPageCodec.encode(RawPage.ofText("https://b.example/1", story)), StandardCharsets.UTF_8));
        lines.add(new String(RawPageCodec.encode(RawPage.ofText("https://b.example/2", story)), StandardCharsets.UTF_8));
        lines.add("not json");
        String[] towns = {"Port Aurel", "Nova City", "Vell Islands", "Marl Valley", "Kestrel Bay"};
        for (int i = 0; i < 40; i++) { // enough text for the stages alone to take measurable CPU time
            String text = ("The council of " + towns[i % 5] + " met on day " + i + " to discuss " + (i * 7 + 3)
                + " proposals, Mayor Ana Liu said. Omar Haddad of the Harbour Board asked for " + (i + 11)
                + " more ferries. ").repeat(6);
            lines.add(new String(RawPageCodec.encode(RawPage.ofText("https://b.example/s/" + i, text)), StandardCharsets.UTF_8));
        }
        Files.write(corpus, lines);

        String report = bench("--corpus", corpus.toString());
        assertTrue(report.contains("pipeline: 43 records"), report);
        assertTrue(report.matches("(?s).*\\d+ stream threads \\(1 instance x \\d+\\), \\d+ partitions.*"), report);
        assertTrue(report.contains("from the first outcome to the last"), report);
        java.util.regex.Matcher startUp = java.util.regex.Pattern
            .compile("start-up: RUNNING after ([0-9.]+) s .*, first outcome after ([0-9.]+) s").matcher(report);
        assertTrue(startUp.find(), report);
        assertTrue(Double.parseDouble(startUp.group(1)) <= Double.parseDouble(startUp.group(2)) + 0.1, report);
        assertTrue(report.matches("(?s).*entities\\s+\\d+ records, mean .* ms, .* of the stream threads' time.*"), report);
        assertTrue(report.matches("(?s).*CPU in that phase: the process [0-9.]+ s of [0-9.]+ s on \\d+ cores \\(\\d+ % busy\\): "
            + "stream threads [0-9.]+ s, .*JVM and native threads \\(JIT, GC, RocksDB\\) [0-9.]+ s.*"), report);
        assertTrue(report.contains("alone, one record at a time (this thread's CPU time)"), report);
        assertTrue(report.matches("(?s).*overhead over the slowest stage \\((clean|entities)\\): .* = -?\\d+ %.*"), report);
    }

    @Test
    void aWarmUpRunsThePipelineOnTopicsOfItsOwnBeforeTheMeasuredRun() throws Exception {
        Path corpus = tmp.resolve("small.jsonl");
        List<String> lines = new java.util.ArrayList<>();
        String[] towns = {"Port Aurel", "Nova City", "Vell Islands", "Marl Valley"};
        for (int i = 0; i < towns.length; i++) {
            String text = ("The council of " + towns[i] + " met on day " + i + " to discuss " + (i * 7 + 3)
                + " proposals, Mayor Ana Liu said. ").repeat(4);
            lines.add(new String(RawPageCodec.encode(RawPage.ofText("https://w.example/" + i, text)), StandardCharsets.UTF_8));
        }
        lines.add(lines.get(0)); // an exact copy: a duplicate, not a fifth article
        Files.write(corpus, lines);

        String report = bench("--corpus", corpus.toString(), "--warm-up", "1");
        assertTrue(report.contains("warm-up 1 of 1: "), report);
        assertTrue(report.contains("pipeline: 5 records"), report);
        // Had the warm-up used the measured run's topics, bench would refuse the non-empty raw topic;
        // had it shared its dedupe state, the measured run would keep no article.
        assertTrue(report.contains("  4 articles kept"), report);
    }

    /** Runs {@code newsflow bench ARGS}, checks that it succeeded and returns what it printed. */
    private static String bench(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "bench";
        System.arraycopy(args, 0, command, 1, args.length);
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.run(command);
        } finally {
            System.setOut(stdout);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, report);
        return report;
    }
}

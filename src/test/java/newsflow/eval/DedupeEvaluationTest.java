package newsflow.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import newsflow.dedupe.DedupeTuning;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DedupeEvaluationTest {

    private static final Path SHARED = Path.of("../shared");

    @BeforeAll
    static void requireSharedMaterial() {
        Assumptions.assumeTrue(Files.isDirectory(SHARED.resolve("bench/extraction")),
                "../shared/bench/extraction is absent: dedupe evaluation test skipped");
    }

    @Test
    void corpusIsTheSameForTheSameSeed() throws IOException {
        DedupeCorpus a = DedupeCorpus.build(SHARED, 3);
        DedupeCorpus b = DedupeCorpus.build(SHARED, 3);
        assertEquals(a.docs(), b.docs());
    }

    @Test
    void defaultsMeetTheTargetsOnTheCorpus() throws IOException {
        DedupeEvaluation.Result r = DedupeEvaluation.evaluate(
                DedupeCorpus.build(SHARED, DedupeEvaluation.CORPUS_SEED), DedupeTuning.defaults(), DedupeEvaluation.ORDER_SEED);
        assertTrue(DedupeEvaluation.meetsTargets(r), () -> "precision " + r.precision() + ", recall " + r.recall()
                + ", missed " + r.missedPairs() + ", false " + r.falsePairs());
    }

    @Test
    void anotherCorpusSeedAndArrivalOrderAlsoMeetTheTargets() throws IOException {
        DedupeEvaluation.Result r = DedupeEvaluation.evaluate(
                DedupeCorpus.build(SHARED, 99), DedupeTuning.defaults(), 12345);
        assertTrue(DedupeEvaluation.meetsTargets(r), () -> "precision " + r.precision() + ", recall " + r.recall()
                + ", missed " + r.missedPairs() + ", false " + r.falsePairs());
    }

    @Test
    void runPrintsTheTableAndReturnsZeroWhenTargetsAreMet() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = DedupeEvaluation.run(SHARED, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("spin_truncate"), out);
        assertEquals(0, status, out);
    }
}

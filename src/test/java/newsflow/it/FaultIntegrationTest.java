package newsflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import newsflow.core.Topics;
import newsflow.ingest.ArticleIds;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.ingest.RawProducer;
import newsflow.output.OutputReader.Output;
import newsflow.output.OutputReader;
import newsflow.pipeline.PipelineConfig;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults on real brokers: an instance killed with SIGKILL in the middle of a stream, and the
 * broker itself restarted in the middle of a stream. Each input (600 pages: 500 stories and 100
 * copies) must end as exactly one first outcome (article, duplicate or dead letter), none twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIntegrationTest {

    private static final int STORIES = 500;
    private static final int COPIES = 100;
    static final int INPUTS = STORIES + COPIES;

    @RegisterExtension
    static final BrokerHarness harness = new BrokerHarness();

    private static void sendAll(BrokerHarness.Run run) {
        sendAll(run.producer);
    }

    /** The 600 pages: 500 stories, then 100 copies of every fifth; waits until the broker has them. */
    static void sendAll(RawProducer producer) {
        for (int i = 0; i < STORIES; i++) {
            producer.send(RawPageCodec.encode(RawPage.ofHtml("https://fault.example/s/" + i, PipelineIntegrationTest.story(i))));
        }
        for (int i = 0; i < COPIES; i++) {
            producer.send(RawPageCodec.encode(RawPage.ofHtml("https://mirror.example/c/" + i, PipelineIntegrationTest.story(i * 5))));
        }
        producer.flush();
    }

    private static Map<String, String> urlsById() {
        Map<String, String> urls = new HashMap<>();
        for (int i = 0; i < STORIES; i++) {
            urls.put(ArticleIds.idOf("https://fault.example/s/" + i), "https://fault.example/s/" + i);
        }
        for (int i = 0; i < COPIES; i++) {
            urls.put(ArticleIds.idOf("https://mirror.example/c/" + i), "https://mirror.example/c/" + i);
        }
        return urls;
    }

    private static void assertEachInputExactlyOnce(BrokerHarness.Run run, List<Output> outputs) {
        assertEachInputExactlyOnce(run.reader, run.config.topics(), outputs);
    }

    /**
     * Every input has exactly one first outcome, keyed by its id, and every copy ends as a
     * duplicate of its story: at once, or by a revision when the copy happened to be processed
     * before its original (partitions deliver in any order).
     */
    static void assertEachInputExactlyOnce(OutputReader reader, Topics topics, List<Output> outputs) {
        Map<String, Integer> outcomesPerId = new HashMap<>();
        Set<String> duplicateIds = new HashSet<>();
        for (Output o : outputs) {
            if (reader.isOutcome(o)) {
                outcomesPerId.merge(o.key(), 1, Integer::sum);
            }
            if (o.topic().equals(topics.duplicates())) {
                duplicateIds.add(o.key());
            }
        }
        long duplicates = 0;
        for (int i = 0; i < COPIES; i++) {
            // Pages without a date are ordered by ingestion time, then id: one of the pair is the copy.
            duplicates += duplicateIds.contains(ArticleIds.idOf("https://mirror.example/c/" + i))
                || duplicateIds.contains(ArticleIds.idOf("https://fault.example/s/" + i * 5)) ? 1 : 0;
        }
        Map<String, String> missing = urlsById();
        missing.keySet().removeAll(outcomesPerId.keySet());
        assertEquals(INPUTS, outcomesPerId.size(), "every input has an outcome; missing: " + missing.values());
        assertTrue(outcomesPerId.values().stream().allMatch(n -> n == 1), "no outcome twice: " + outcomesPerId);
        assertEquals(COPIES, duplicates, "every copy is found, across the fault (at once or by a revision)");
    }

    @Test
    @Order(1)
    void anInstanceKilledWithSigkillMidStreamLosesNothingAndEmitsNothingTwice() throws Exception {
        try (BrokerHarness.Run run = harness.newRun(PipelineConfig.defaults())) {
            sendAll(run);
            Path state = Files.createTempDirectory("newsflow-child-state-");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), ChildInstance.class.getName(),
                harness.bootstrapServers(), run.appId, state.toString())
                .redirectErrorStream(true).start();
            List<Output> outputs = new ArrayList<>();
            try {
                CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> awaitLine(child, ChildInstance.READY));
                assertTrue(ready.get(90, TimeUnit.SECONDS), "the child instance started");
                run.readOutcomes(outputs, 30, Duration.ofSeconds(90));
                assertTrue(outputs.stream().filter(run.reader::isOutcome).count() >= 30, "the child made progress");
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no leaving the group
                child.waitFor(30, TimeUnit.SECONDS);
            }
            run.drain(outputs, Duration.ofSeconds(1));
            long doneAtKill = outputs.stream().filter(run.reader::isOutcome).count();
            assertTrue(doneAtKill < INPUTS, "killed mid-stream: " + doneAtKill + " of " + INPUTS + " done");

            run.startInstance();
            run.drain(run.readOutcomes(outputs, INPUTS, Duration.ofSeconds(150)), Duration.ofSeconds(3));
            assertEachInputExactlyOnce(run, outputs);
        }
    }

    @Test
    @Order(2)
    void theBrokerRestartedMidStreamLosesNothingAndEmitsNothingTwice() throws Exception {
        try (BrokerHarness.Run run = harness.newRun(PipelineConfig.defaults())) {
            sendAll(run);
            run.startInstance();
            List<Output> outputs = run.readOutcomes(new ArrayList<>(), 30, Duration.ofSeconds(90));
            harness.restartBroker(Duration.ofSeconds(2));
            run.drain(run.readOutcomes(outputs, INPUTS, Duration.ofSeconds(180)), Duration.ofSeconds(3));
            assertEachInputExactlyOnce(run, outputs);
        }
    }

    /** Reads the child's output until {@code line}; then keeps draining it so the child never blocks. */
    private static boolean awaitLine(Process p, String line) {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (l.contains(line)) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (r.readLine() != null) {
                                // discarded
                            }
                        } catch (IOException e) {
                            // the child was killed
                        }
                    }, "child-output");
                    drain.setDaemon(true);
                    drain.start();
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}

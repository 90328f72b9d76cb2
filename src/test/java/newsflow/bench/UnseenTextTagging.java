package newsflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.entities.NeuralRecognizer;
import newsflow.entities.NewsEntityTagger;

/**
 * Words per second of the recogniser (or the whole entity stage) on text it has not seen: the
 * records of a corpus ({@code ./newsflow bench --corpus} format: JSON lines with {@code title}
 * and {@code text}), copies left out; the first 300 warm the JIT (and the recogniser's word
 * cache, as a running pipeline's would be), the rest are tagged once and timed. JMH's
 * {@code EntityTaggerBenchmark} tags the same bodies again and again, so every word is known
 * after the first round; this is the figure for a stream of new articles.
 *
 * <p>{@code java newsflow.bench.UnseenTextTagging corpus.jsonl recogniser|stage} (class path
 * in the CLASSPATH variable: see {@code NeuralRecognizer}'s limit on the command line's length).
 * Run each setting in its own JVM, several rounds, alternating: one JVM's figure swings by a
 * quarter on a shared machine.
 */
public final class UnseenTextTagging {

    private static final int WARM_UP_RECORDS = 300;

    private UnseenTextTagging() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("recogniser", "stage").contains(args[1])) {
            System.err.println("usage: UnseenTextTagging CORPUS.jsonl recogniser|stage");
            System.exit(2);
        }
        List<String[]> records = read(Path.of(args[0]));
        if (records.size() <= WARM_UP_RECORDS) {
            throw new IllegalArgumentException("need more than " + WARM_UP_RECORDS + " distinct records, got " + records.size());
        }
        boolean stage = args[1].equals("stage");
        NeuralRecognizer recogniser = stage ? null : NeuralRecognizer.load();
        NewsEntityTagger tagger = stage ? NewsEntityTagger.load() : null;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long words = 0;
        long cpu = 0;
        long wall = 0;
        for (int i = 0; i < records.size(); i++) {
            if (i == WARM_UP_RECORDS) {
                cpu = threads.getCurrentThreadCpuTime();
                wall = System.nanoTime();
            }
            String[] r = records.get(i);
            if (stage) {
                tagger.tag(r[0], r[1]);
            } else {
                recogniser.recognise(r[1]);
            }
            if (i >= WARM_UP_RECORDS) {
                words += r[1].split("\\s+").length;
            }
        }
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("%s: %d records, %d words: %.0f words/s (%.0f per CPU-second)%n", args[1],
                records.size() - WARM_UP_RECORDS, words, words / wallSeconds, words / cpuSeconds);
    }

    /** Title and text of each record, in order, each text once. */
    private static List<String[]> read(Path corpus) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(corpus)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            String text = n.path("text").asText("");
            if (!text.isBlank() && seen.add(text)) {
                out.add(new String[] {n.path("title").asText(""), text});
            }
        }
        return out;
    }
}

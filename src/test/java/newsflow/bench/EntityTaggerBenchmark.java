package newsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.core.TaggedEntity;
import newsflow.entities.NewsEntityTagger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the whole entity stage ({@link NewsEntityTagger#tag}) on real news text, one
 * thread: {@code corpus=seeds}, the seed bodies of {@code ../shared/seeds}; {@code
 * corpus=bench}, the 91 gold article bodies of {@code ../shared/bench/extraction} (news of many
 * outlets, ~70,000 words). One operation tags every body of the corpus; words per second =
 * ops/s times the words per operation printed at setup.
 *
 * <p>Run (brief):
 * <pre>{@code
 * CLASSPATH=target/classes:target/test-classes:$(cat cp) java -Djmh.separateClasspathJAR=true org.openjdk.jmh.Main EntityTaggerBenchmark -t 1 -p corpus=bench
 * }</pre>
 * The class path goes in {@code CLASSPATH}, not {@code -cp}: ONNX Runtime crashes a JVM whose
 * command line is 4 KB or longer (see {@code NeuralRecognizer}); {@code jmh.separateClasspathJAR} keeps
 * the forks' command lines short too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class EntityTaggerBenchmark {

    /** Whitespace-separated words in one operation, set at setup. */
    public static int WORDS_PER_OP;

    /** Which bodies one operation tags: seeds or bench. */
    @Param({"seeds", "bench"})
    public String corpus;

    private NewsEntityTagger tagger;
    private final List<String[]> articles = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (corpus.equals("bench")) {
            readBenchBodies();
        } else {
            readSeedBodies();
        }
        int words = 0;
        for (String[] a : articles) {
            words += a[1].split("\\s+").length;
        }
        WORDS_PER_OP = words;
        System.out.println("\n" + corpus + ": " + articles.size() + " bodies, words per operation: " + words);
        long before = usedHeap();
        long started = System.nanoTime();
        tagger = NewsEntityTagger.load();
        System.out.printf("load (model, knowledge base, warm-up): %.2f s; heap after load: +%d MB%n",
                (System.nanoTime() - started) / 1e9, (usedHeap() - before) >> 20);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private void readBenchBodies() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Path.of("..", "shared", "bench", "extraction", "ground-truth.json").toFile());
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            JsonNode e = root.get(it.next());
            String body = e.path("articleBody").asText("");
            if (!body.isBlank()) {
                articles.add(new String[] {null, body});
            }
        }
    }

    private void readSeedBodies() throws IOException {
        Path seeds = Path.of("..", "shared", "seeds");
        JsonNode root = new ObjectMapper().readTree(seeds.resolve("expected.json").toFile()).get("articles");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String file = it.next();
            JsonNode e = root.get(file);
            String raw = Files.readString(seeds.resolve(file));
            String start = e.get("bodyStartsWith").asText();
            int from = raw.indexOf(start);
            int to = e.hasNonNull("bodyEndsWith")
                    ? raw.indexOf(e.get("bodyEndsWith").asText(), from) + e.get("bodyEndsWith").asText().length()
                    : raw.length();
            String body = raw.substring(from, to);
            articles.add(new String[] {e.hasNonNull("title") ? e.get("title").asText() : null, body});
        }
    }

    @Benchmark
    public void tagBodies(Blackhole bh) {
        for (String[] a : articles) {
            List<TaggedEntity> entities = tagger.tag(a[0], a[1]);
            bh.consume(entities);
        }
    }
}

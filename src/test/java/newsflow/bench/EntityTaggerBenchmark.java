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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the whole entity stage ({@link NewsEntityTagger#tag}) on the seed bodies of
 * {@code ../shared/seeds}, one thread. One operation tags all seed bodies; words per second =
 * ops/s times {@link #WORDS_PER_OP}, printed at setup.
 *
 * <p>Run (brief):
 * <pre>{@code
 * java -cp target/classes:target/test-classes:$(cat cp) org.openjdk.jmh.Main EntityTaggerBenchmark -t 1
 * }</pre>
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

    private NewsEntityTagger tagger;
    private final List<String[]> articles = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path seeds = Path.of("..", "shared", "seeds");
        JsonNode root = new ObjectMapper().readTree(seeds.resolve("expected.json").toFile()).get("articles");
        int words = 0;
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
            words += body.split("\\s+").length;
        }
        WORDS_PER_OP = words;
        System.out.println("\nwords per operation: " + words);
        tagger = NewsEntityTagger.load();
    }

    @Benchmark
    public void tagSeedBodies(Blackhole bh) {
        for (String[] a : articles) {
            List<TaggedEntity> entities = tagger.tag(a[0], a[1]);
            bh.consume(entities);
        }
    }
}

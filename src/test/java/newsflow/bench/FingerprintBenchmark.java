package newsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import newsflow.dedupe.DedupeTuning;
import newsflow.dedupe.Fingerprint;
import newsflow.dedupe.Fingerprinter;
import newsflow.dedupe.Match;
import newsflow.dedupe.Verifier;
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
 * Fingerprinting throughput (tokenise, shingles, one-permutation MinHash, sentence, anchor-pair
 * and content-word keys) on the 91 ground-truth bodies of the extraction benchmark, one thread.
 * Each operation fingerprints every body once, so articles/s = ops/s * bodies. A second
 * benchmark verifies each body against its neighbour in the list (unrelated pairs, the common
 * case for a candidate).
 *
 * <p>Run (brief): {@code java -cp target/classes:target/test-classes:$(cat /tmp/newsflow.cp)
 * org.openjdk.jmh.Main FingerprintBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}; reads
 * {@code ../shared} or the {@code newsflow.shared} system property.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FingerprintBenchmark {

    private final Fingerprinter fingerprinter = new Fingerprinter(DedupeTuning.defaults());
    private final Verifier verifier = new Verifier(DedupeTuning.defaults());
    private List<String> bodies;
    private List<Fingerprint> fingerprints;

    @Setup(Level.Trial)
    public void readBodies() throws IOException {
        Path shared = Path.of(System.getProperty("newsflow.shared", "../shared"));
        JsonNode truth = new ObjectMapper().readTree(shared.resolve("bench/extraction/ground-truth.json").toFile());
        bodies = new ArrayList<>();
        truth.elements().forEachRemaining(e -> bodies.add(e.path("articleBody").asText()));
        fingerprints = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            fingerprints.add(fingerprinter.fingerprint("a" + i, bodies.get(i), i));
        }
        System.out.println("\nbodies: " + bodies.size() + " (articles per op)");
    }

    /**
     * Articles fingerprinted per second of this thread's CPU time, for a machine shared with
     * other work, where JMH's wall-clock figures swing with the load. Args: seconds to run (10).
     */
    public static void main(String[] args) throws IOException {
        FingerprintBenchmark b = new FingerprintBenchmark();
        b.readBodies();
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long articles = 0;
            long start = cpu.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            while (cpu.getCurrentThreadCpuTime() - start < seconds * 1e9 / 3) {
                for (int i = 0; i < b.bodies.size(); i++) {
                    Fingerprint f = b.fingerprinter.fingerprint("a", b.bodies.get(i), i);
                    sink += b.fingerprinter.candidateKeys(f).length;
                }
                articles += b.bodies.size();
            }
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            System.out.printf(java.util.Locale.ROOT,
                    "round %d: %.0f articles per CPU-second (%.0f per wall-second)%n",
                    round, articles / cpuSeconds, articles / wallSeconds);
        }
        // Verification: each article, prepared once, against its next 12 neighbours (unrelated
        // texts, the usual candidate), each candidate prepared as it comes from the store.
        long pairs = 0;
        long start = cpu.getCurrentThreadCpuTime();
        while (cpu.getCurrentThreadCpuTime() - start < seconds * 1e9 / 3) {
            for (int i = 0; i < b.fingerprints.size(); i++) {
                Verifier.Prepared incoming = b.verifier.prepare(b.fingerprints.get(i));
                for (int j = 1; j <= 12; j++) {
                    Fingerprint other = b.fingerprints.get((i + j) % b.fingerprints.size());
                    sink += b.verifier.verify(incoming, b.verifier.prepare(other)).kind().ordinal();
                    pairs++;
                }
            }
        }
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "verification: %.0f candidate pairs per CPU-second%n",
                pairs / cpuSeconds);
        System.out.println("(checksum " + sink + ")");
    }

    @Benchmark
    public void fingerprintAllBodies(Blackhole bh) {
        for (int i = 0; i < bodies.size(); i++) {
            Fingerprint f = fingerprinter.fingerprint("a", bodies.get(i), i);
            bh.consume(fingerprinter.candidateKeys(f));
        }
    }

    @Benchmark
    public void verifyNeighbours(Blackhole bh) {
        for (int i = 1; i < fingerprints.size(); i++) {
            Match m = verifier.verify(fingerprints.get(i - 1), fingerprints.get(i));
            bh.consume(m);
        }
    }
}

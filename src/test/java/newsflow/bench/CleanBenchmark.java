package newsflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.clean.UnusablePageException;
import newsflow.core.CleanArticle;
import newsflow.ingest.RawPage;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the clean stage on the extraction benchmark's pages, one thread: each
 * operation cleans one page, cycling through all pages, so ops/s is pages/s per core and the
 * {@code bytes} counter is input HTML bytes per second.
 *
 * <p>On a shared machine wall-clock throughput swings with other load; {@link #main} also
 * reports throughput per CPU-second of the whole process (all threads, Lingua's pool
 * included), which is the per-core figure independent of contention.
 *
 * <p>Run after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/newsflow.cp) org.openjdk.jmh.Main CleanBenchmark -f 1 -wi 2 -i 3}.
 * Pages are read from {@code ../shared/bench/extraction/html}, or from the folder named by
 * the system property {@code newsflow.bench.html}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CleanBenchmark {

    /** The pages, parsed from disk once. */
    @State(Scope.Benchmark)
    public static class Pages {
        final List<RawPage> pages = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();
        final ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults());

        @Setup(Level.Trial)
        public void load() throws IOException {
            Path dir = Path.of(System.getProperty("newsflow.bench.html", "../shared/bench/extraction/html"));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.html.gz")) {
                for (Path f : files) {
                    String html = gunzip(f);
                    pages.add(RawPage.ofHtml("https://bench.example/" + f.getFileName(), html));
                    sizes.add(html.getBytes(StandardCharsets.UTF_8).length);
                }
            }
            if (pages.isEmpty()) {
                throw new IllegalStateException("no *.html.gz pages in " + dir.toAbsolutePath());
            }
        }

        private static String gunzip(Path f) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Per-thread cursor and the input-bytes counter JMH reports as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Cursor {
        int next;
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    /**
     * Pages and megabytes per CPU-second: {@code java -cp ... newsflow.bench.CleanBenchmark [seconds]}.
     */
    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        Pages p = new Pages();
        p.load();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Cursor c = new Cursor();
        long warmupEnd = System.nanoTime() + (long) (seconds / 2 * 1e9);
        while (System.nanoTime() < warmupEnd) {
            new CleanBenchmark().cleanOnePage(p, c);
        }
        c.bytes = 0;
        long pages = 0;
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        long end = wall0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            new CleanBenchmark().cleanOnePage(p, c);
            pages++;
        }
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%d pages, %.1f MB in %.1f s wall, %.1f s CPU%n", pages, c.bytes / 1e6, wall, cpu);
        System.out.printf(java.util.Locale.ROOT, "per CPU-second: %.0f pages/s, %.1f MB/s; wall: %.0f pages/s%n",
                pages / cpu, c.bytes / 1e6 / cpu, pages / wall);
    }

    @Benchmark
    public Object cleanOnePage(Pages p, Cursor c) {
        int i = c.next;
        c.next = (i + 1) % p.pages.size();
        c.bytes += p.sizes.get(i);
        try {
            CleanArticle a = p.cleaner.clean(p.pages.get(i));
            return a.text();
        } catch (UnusablePageException e) {
            return e.getMessage();
        }
    }
}

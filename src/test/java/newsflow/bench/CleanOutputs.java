package newsflow.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.core.CleanArticle;
import newsflow.ingest.HtmlCharsets;
import newsflow.ingest.RawPage;

/**
 * Every output field of the clean stage for every page of both extraction benchmarks, in one
 * text file: the check that a change meant for speed changed nothing else. Write it before
 * and after the change and compare the two files byte for byte ({@code cmp}).
 *
 * <p>{@code java newsflow.bench.CleanOutputs OUT.txt} (class path in the CLASSPATH variable),
 * reading {@code ../shared/bench/extraction/html} and {@code ../shared/bench/extraction-web/html}.
 * The fetch time is now, so dates compare equal only on the same day.
 */
public final class CleanOutputs {

    private CleanOutputs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java newsflow.bench.CleanOutputs OUT.txt");
            System.exit(2);
        }
        ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults());
        int pages = 0;
        try (PrintStream out = new PrintStream(new FileOutputStream(args[0]), false, StandardCharsets.UTF_8)) {
            for (String dir : List.of("../shared/bench/extraction/html", "../shared/bench/extraction-web/html")) {
                for (Path file : sorted(Path.of(dir))) {
                    out.println("=== " + file.getFileName());
                    String html = HtmlCharsets.decode(read(file), null);
                    try {
                        CleanArticle a = cleaner.clean(RawPage.ofHtml("https://bench.example/" + file.getFileName(), html));
                        out.println("title " + a.title());
                        out.println("byline " + a.byline());
                        out.println("date " + a.publishedAt());
                        out.println("source " + a.source());
                        out.println("lang " + a.language());
                        out.println(a.text());
                    } catch (RuntimeException e) {
                        out.println("ERR " + e.getMessage());
                    }
                    pages++;
                }
            }
        }
        System.out.println(pages + " pages written to " + args[0]);
    }

    private static List<Path> sorted(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(files::add);
        }
        Collections.sort(files);
        return files;
    }

    private static byte[] read(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }
}

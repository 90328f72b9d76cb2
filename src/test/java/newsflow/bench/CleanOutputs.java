package newsflow.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Each page is cleaned as HTML and its article text again as plain text, with a fixed fetch
 * time (publication dates after it are refused), so two runs on any day compare.
 */
public final class CleanOutputs {

    private static final String FETCHED_AT = "2026-12-06T00:00:00Z";

    private CleanOutputs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java newsflow.bench.CleanOutputs OUT.txt");
            System.exit(2);
        }
        // A budget no page needs, so that a busy machine cannot turn a page into a time-out.
        ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults().withTimeBudget(Duration.ofMinutes(1)));
        int pages = 0;
        try (PrintStream out = new PrintStream(new FileOutputStream(args[0]), false, StandardCharsets.UTF_8)) {
            for (String dir : List.of("../shared/bench/extraction/html", "../shared/bench/extraction-web/html")) {
                for (Path file : sorted(Path.of(dir))) {
                    out.println("=== " + file.getFileName());
                    String url = "https://bench.example/" + file.getFileName();
                    String html = HtmlCharsets.decode(read(file), null);
                    CleanArticle article = write(out, cleaner, new RawPage(url, html, null, null, null, null, FETCHED_AT, null));
                    if (article != null) {
                        // The plain-text path too: the page's own text, as a scraper would send it.
                        out.println("--- as text");
                        write(out, cleaner, new RawPage(url, null, article.text(), null, null, null, FETCHED_AT, null));
                    }
                    pages++;
                }
            }
        }
        System.out.println(pages + " pages written to " + args[0]);
    }

    /** Writes every field of the page's article (or the reason it has none); the article, or null. */
    private static CleanArticle write(PrintStream out, ArticleCleaner cleaner, RawPage page) {
        try {
            CleanArticle a = cleaner.clean(page);
            out.println("title " + a.title());
            out.println("byline " + a.byline());
            out.println("date " + a.publishedAt());
            out.println("source " + a.source());
            out.println("lang " + a.language());
            out.println(a.text());
            return a;
        } catch (RuntimeException e) {
            out.println("ERR " + e.getMessage());
            return null;
        }
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

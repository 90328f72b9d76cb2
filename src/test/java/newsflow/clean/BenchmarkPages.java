package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import newsflow.eval.WebExtractionEvaluation;

/**
 * The pages of both extraction benchmarks in {@code ../shared/bench}, for tests that check a
 * property on real pages: the 91 news pages (UTF-8) and the 641 web pages, each decoded from
 * its own encoding. A test that asks for them is skipped where {@code ../shared} is absent.
 */
final class BenchmarkPages {

    private static final Path NEWS = Path.of("../shared/bench/extraction/html");
    private static final Path WEB = Path.of("../shared/bench/extraction-web");

    private BenchmarkPages() {
    }

    /** The HTML of all 732 pages, news pages first. */
    static List<String> all() throws IOException {
        assumeTrue(Files.isDirectory(NEWS) && Files.isDirectory(WEB), "../shared/bench is absent");
        List<String> pages = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(NEWS, "*.html.gz")) {
            for (Path f : files) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                    pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(WEB.resolve("html"), "*.html.gz")) {
            for (Path f : files) {
                pages.add(WebExtractionEvaluation.html(WEB, f.getFileName().toString().replace(".html.gz", "")));
            }
        }
        assertEquals(91 + 641, pages.size());
        return pages;
    }
}

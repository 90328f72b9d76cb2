package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import newsflow.eval.WebExtractionEvaluation;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * {@link HtmlArticleExtractor}'s shared walks give what separate walks give, on the pages of both
 * extraction benchmarks: the walk that also reads the metadata scores the body as a walk of the
 * body alone does, and the emitter's replay of the recorded scoring walk yields the paragraphs
 * its own walk of the container yields.
 */
class HtmlArticleExtractorTest {

    private static final Path NEWS = Path.of("../shared/bench/extraction/html");
    private static final Path WEB = Path.of("../shared/bench/extraction-web");
    private static final CleaningPolicy POLICY = CleaningPolicy.newsDefaults();

    private static List<String> pages() throws IOException {
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

    private static Deadline deadline() {
        return Deadline.start(Duration.ofSeconds(30));
    }

    private static String stats(ContentScorer scorer, Element el) {
        ContentScorer.Stats s = scorer.of(el);
        return s.prose + " " + s.shortText + " " + s.linkText + " " + s.linkChars + " " + s.linkRuns;
    }

    @Test
    void theWalkThatReadsTheMetadataScoresTheBodyAsItsOwnWalkDoes() throws IOException {
        for (String html : pages()) {
            Document doc = HtmlParsers.parse(html, "https://bench.example/");
            ContentScorer shared = HtmlArticleExtractor.measure(doc, POLICY).unpruned();
            ContentScorer alone = ContentScorer.score(doc.body(), deadline(), true, null);

            assertEquals(alone.best(), shared.best());
            for (Element el : doc.body().getAllElements()) {
                assertEquals(stats(alone, el), stats(shared, el), el::cssSelector);
            }
        }
    }

    @Test
    void theEmitterGivesTheSameParagraphsReplayedAsWalked() throws IOException {
        int pages = 0;
        for (String html : pages()) {
            Document doc = HtmlParsers.parse(html, "https://bench.example/");
            BlockRuns.Recording scored = new BlockRuns.Recording();
            Element container;
            try {
                container = HtmlArticleExtractor.container(doc, HtmlArticleExtractor.measure(doc, POLICY).unpruned(),
                        deadline(), POLICY, scored);
            } catch (UnusablePageException teaserList) {
                continue;
            }
            if (container == null) {
                continue;
            }
            List<ParagraphFeatures.Candidate> replayed = BlockTextEmitter.candidates(container, "A title", deadline(),
                    POLICY, scored);
            List<ParagraphFeatures.Candidate> walked = BlockTextEmitter.candidates(container, "A title", deadline(),
                    POLICY, null);

            assertEquals(walked, replayed, container::cssSelector);
            pages++;
        }
        assertEquals(true, pages > 700, pages + " pages with a container");
    }
}

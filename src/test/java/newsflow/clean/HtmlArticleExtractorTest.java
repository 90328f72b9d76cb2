package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * {@link HtmlArticleExtractor}'s shared walks give what separate walks give, on the pages of both
 * extraction benchmarks: the walk that also reads the metadata scores the body as a walk of the
 * body alone does, and the emitter's replay of the recorded scoring walk yields the paragraphs
 * its own walk of the container yields. The paragraphs it gives are normalised already, as
 * {@link TextNormalizer#join} requires.
 */
class HtmlArticleExtractorTest {

    private static final CleaningPolicy POLICY = CleaningPolicy.newsDefaults();

    private static Deadline deadline() {
        return Deadline.start(Duration.ofSeconds(30));
    }

    private static String stats(ContentScorer scorer, Element el) {
        ContentScorer.Stats s = scorer.of(el);
        return s.prose + " " + s.shortText + " " + s.linkText + " " + s.linkChars + " " + s.linkRuns;
    }

    @Test
    void theWalkThatReadsTheMetadataScoresTheBodyAsItsOwnWalkDoes() throws IOException {
        for (String html : BenchmarkPages.all()) {
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
        for (String html : BenchmarkPages.all()) {
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

    @Test
    void everyParagraphExtractedFromTheBenchmarkPagesIsAlreadyNormalised() throws IOException {
        int paragraphs = 0;
        for (String html : BenchmarkPages.all()) {
            Document doc = HtmlParsers.parse(html, "https://bench.example/");
            HtmlArticleExtractor.Measured measured = HtmlArticleExtractor.measure(doc, POLICY);
            HtmlMetadata meta = HtmlMetadata.read(measured.signals(), "https://bench.example/", Instant.EPOCH);
            List<String> extracted;
            try {
                extracted = HtmlArticleExtractor.extract(doc, meta, measured.unpruned(), deadline(),
                        ParagraphModel.shipped(), POLICY);
            } catch (UnusablePageException teaserList) {
                continue;
            }
            for (String p : extracted) {
                assertEquals(TextNormalizer.paragraph(p), p);
                paragraphs++;
            }
        }
        assertEquals(true, paragraphs > 10_000, paragraphs + " paragraphs");
    }

    @Test
    void aPlainTextArticleBodyInJsonLdComesOutNormalised() {
        List<String> paragraphs = HtmlArticleExtractor.structuredBody(
                "  First\u00a0 line, soft\u00adhyphen.\r\n\r\nSecond\tline &amp; more  ", "A title", deadline());

        assertEquals(List.of("First line, softhyphen.", "Second line & more"), paragraphs);
    }
}

package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import newsflow.eval.WebExtractionEvaluation;
import newsflow.ingest.RawPage;
import org.junit.jupiter.api.Test;

/**
 * The project's language identifier against Lingua itself (low-accuracy mode, the same news
 * languages, the same prose sample and thresholds), which it replaced for speed: on the story
 * text of every page of both extraction benchmarks, and on each story's first sentence, the two
 * give the same answer.
 */
class LanguageIdentifierAgreementTest {

    private static final Path NEWS = Path.of("../shared/bench/extraction");
    private static final Path WEB = Path.of("../shared/bench/extraction-web");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final LanguageDetector LINGUA = LanguageDetectorBuilder.fromLanguages(
            Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
            Language.PORTUGUESE, Language.DUTCH, Language.POLISH, Language.TURKISH, Language.SWEDISH,
            Language.DANISH, Language.INDONESIAN, Language.RUSSIAN, Language.UKRAINIAN, Language.ARABIC,
            Language.PERSIAN, Language.HINDI, Language.CHINESE, Language.JAPANESE, Language.KOREAN,
            Language.GREEK, Language.HEBREW, Language.THAI)
            .withLowAccuracyMode().build();

    /** What {@link LanguageIdentifier#detect} answered when it called Lingua (before #15's speed work). */
    private static String lingua(String text) {
        String sample = LanguageIdentifier.proseSample(text);
        int letters = 0;
        for (char c : sample.toCharArray()) {
            if (Character.isLetter(c)) {
                letters += Character.isIdeographic(c) ? 2 : 1;
            }
        }
        if (letters < 40) {
            return null;
        }
        double max = letters >= LanguageIdentifier.SHORT_TEXT_LETTERS
                ? LanguageIdentifier.MAX_RUNNER_UP : LanguageIdentifier.SHORT_TEXT_MAX_RUNNER_UP;
        SortedMap<Language, Double> confidence = LINGUA.computeLanguageConfidenceValues(sample);
        Iterator<Map.Entry<Language, Double>> ranked = confidence.entrySet().iterator();
        if (!ranked.hasNext()) {
            return null;
        }
        Map.Entry<Language, Double> best = ranked.next();
        double runnerUp = ranked.hasNext() ? ranked.next().getValue() : 0;
        return best.getValue() > 0 && runnerUp <= max * best.getValue()
                ? best.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT) : null;
    }

    private static List<String> stories() throws IOException {
        List<String> texts = new ArrayList<>();
        JsonNode gold = JSON.readTree(NEWS.resolve("ground-truth.json").toFile());
        gold.fields().forEachRemaining(e -> texts.add(e.getValue().path("articleBody").asText()));
        ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults());
        JsonNode segments = JSON.readTree(WEB.resolve("segments.json").toFile());
        for (Iterator<String> ids = segments.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            String html = WebExtractionEvaluation.html(WEB, id);
            if (html == null) {
                continue;
            }
            try {
                texts.add(cleaner.clean(RawPage.ofHtml("https://example.invalid/" + id, html)).text());
            } catch (UnusablePageException e) {
                // no story text: nothing to identify
            }
        }
        return texts;
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    @Test
    void answersAsLinguaDidOnTheStoriesOfBothBenchmarksAndOnTheirFirstSentences() throws IOException {
        assumeTrue(Files.isDirectory(NEWS) && Files.isDirectory(WEB), "../shared/bench is absent");
        List<String> texts = new ArrayList<>();
        for (String story : stories()) {
            texts.add(story);
            texts.add(firstSentence(story));
        }
        int same = 0;
        List<String> differences = new ArrayList<>();
        for (String t : texts) {
            String ours = LanguageIdentifier.detect(t, null);
            String theirs = lingua(t);
            if (java.util.Objects.equals(ours, theirs)) {
                same++;
            } else {
                differences.add(ours + " vs Lingua " + theirs + ": " + LanguageIdentifier.proseSample(t));
            }
        }
        double agreement = (double) same / texts.size();
        System.out.printf(Locale.ROOT, "language agreement with Lingua: %d of %d (%.4f)%n", same, texts.size(), agreement);
        differences.forEach(System.out::println);
        assertTrue(agreement >= 0.98, "agreement " + agreement + "; differences: " + differences);
    }
}

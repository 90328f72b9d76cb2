package newsflow.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.clean.ParagraphFeatures;
import newsflow.clean.UnusablePageException;
import newsflow.ingest.RawPage;

/**
 * Writes the training data of the paragraph model: every paragraph the clean stage's rules
 * keep on the <em>tuning</em> pages of both extraction benchmarks ({@link DevelopmentSplit};
 * validation pages are never written), with its features and a label.
 *
 * <ul>
 *   <li>News benchmark (full gold bodies): story (1) when at least half of the paragraph's word
 *       trigrams occur in the gold body (a paragraph under three words: all its words, and its
 *       text inside the body), else boilerplate (0).</li>
 *   <li>Web benchmark (segments): story when the paragraph holds a must-have segment or lies
 *       inside one; boilerplate when it holds a must-not segment and no must-have one; other
 *       paragraphs are unlabelled and left out.</li>
 * </ul>
 *
 * <p>Output: CSV with {@code source,page,label,<features>}; the text is not written, so the file
 * holds no benchmark text. Run: {@code java newsflow.eval.ParagraphDataset NEWS_DIR WEB_DIR OUT.csv}.
 */
public final class ParagraphDataset {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParagraphDataset() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ParagraphDataset NEWS_BENCH_DIR WEB_BENCH_DIR OUT.csv");
            System.exit(2);
        }
        // A generous time budget: under load a page must not drop out of the data by timing out.
        // The model is not needed to write its data (and may not match features being changed).
        ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults().withParagraphModel(false)
                .withTimeBudget(Duration.ofMinutes(1)));
        int[] counts = new int[4];
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
            out.println("source,page,label," + String.join(",", ParagraphFeatures.NAMES));
            news(Path.of(args[0]), cleaner, out, counts);
            web(Path.of(args[1]), cleaner, out, counts);
        }
        System.err.printf(Locale.ROOT, "%d pages, %d paragraphs: %d story, %d boilerplate%n",
                counts[0], counts[1] + counts[2], counts[1], counts[2]);
    }

    private static void news(Path dir, ArticleCleaner cleaner, PrintWriter out, int[] counts) throws IOException {
        JsonNode gold = JSON.readTree(dir.resolve("ground-truth.json").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            if (!DevelopmentSplit.partOf(id).equals(DevelopmentSplit.TUNING)) {
                continue;
            }
            String html = ExtractionEvaluation.readPage(dir.resolve("html"), id);
            if (html == null) {
                continue;
            }
            List<String> body = words(e.getValue().path("articleBody").asText(""));
            Set<String> bodyWords = new HashSet<>(body);
            Set<String> bodyTrigrams = trigrams(body);
            String bodyText = String.join(" ", body);
            List<ParagraphFeatures.Sample> samples = samples(cleaner,
                    RawPage.ofHtml(e.getValue().path("url").asText("https://example.invalid/" + id), html));
            counts[0]++;
            for (ParagraphFeatures.Sample s : samples) {
                List<String> w = words(s.text());
                boolean story;
                if (w.size() < 3) {
                    story = !w.isEmpty() && bodyWords.containsAll(w) && bodyText.contains(String.join(" ", w));
                } else {
                    Set<String> t = trigrams(w);
                    long found = t.stream().filter(bodyTrigrams::contains).count();
                    story = found * 2 >= t.size();
                }
                write(out, "news", id, story ? 1 : 0, s.features(), counts);
            }
        }
    }

    private static void web(Path dir, ArticleCleaner cleaner, PrintWriter out, int[] counts) throws IOException {
        JsonNode segments = JSON.readTree(dir.resolve("segments.json").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = segments.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            String html = DevelopmentSplit.partOf(id).equals(DevelopmentSplit.TUNING)
                    ? WebExtractionEvaluation.html(dir, id) : null;
            if (html == null) {
                continue;
            }
            List<ParagraphFeatures.Sample> samples = samples(cleaner,
                    RawPage.ofHtml(e.getValue().path("url").asText("file:" + id), html));
            counts[0]++;
            for (ParagraphFeatures.Sample s : samples) {
                String p = WebExtractionEvaluation.normalise(s.text());
                boolean story = false;
                for (JsonNode w : e.getValue().path("with")) {
                    String seg = WebExtractionEvaluation.normalise(w.asText());
                    if (!seg.isEmpty() && (p.contains(seg) || (p.length() >= 20 && seg.contains(p)))) {
                        story = true;
                    }
                }
                boolean boilerplate = false;
                for (JsonNode w : e.getValue().path("without")) {
                    String seg = WebExtractionEvaluation.normalise(w.asText());
                    if (!seg.isEmpty() && p.contains(seg)) {
                        boilerplate = true;
                    }
                }
                if (story) {
                    write(out, "web", id, 1, s.features(), counts);
                } else if (boilerplate) {
                    write(out, "web", id, 0, s.features(), counts);
                }
            }
        }
    }

    private static List<ParagraphFeatures.Sample> samples(ArticleCleaner cleaner, RawPage page) {
        try {
            return cleaner.paragraphSamples(page);
        } catch (UnusablePageException e) {
            return List.of();
        }
    }

    private static void write(PrintWriter out, String source, String page, int label, float[] f, int[] counts) {
        StringBuilder line = new StringBuilder(source).append(',').append(page).append(',').append(label);
        for (float x : f) {
            line.append(',').append(x);
        }
        out.println(line);
        counts[label == 1 ? 1 : 2]++;
    }

    /** Lower-cased words of letters and digits. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Set<String> trigrams(List<String> w) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 < w.size(); i++) {
            out.add(w.get(i) + ' ' + w.get(i + 1) + ' ' + w.get(i + 2));
        }
        return out;
    }
}

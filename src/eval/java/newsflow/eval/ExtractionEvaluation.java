package newsflow.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.clean.UnusablePageException;
import newsflow.ingest.RawPage;

/**
 * Evaluates the clean stage on a main-content extraction benchmark: runs
 * {@link ArticleCleaner} on every page of {@code htmlDir} ({@code <id>.html.gz} or
 * {@code <id>.html}, UTF-8) and scores its text against the gold bodies with
 * {@link ExtractionMetric}. With a folder of reference outputs ({@code <name>.json}, each
 * {@code {id: {"articleBody": text}}}) it prints the same figures for each reference, side by
 * side, and the tuning pages where newsflow loses most F1 against the best reference. Every
 * figure is given for the tuning part, the validation part ({@link DevelopmentSplit}) and all
 * pages.
 *
 * <p>Run: {@code java -cp ... newsflow.eval.ExtractionEvaluation GOLD HTML_DIR [COMPARE_DIR]}.
 */
public final class ExtractionEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WORST_PAGES = 10;

    private ExtractionEvaluation() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ExtractionEvaluation GOLD_JSON HTML_DIR [COMPARE_DIR]");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), Path.of(args[1]), args.length == 3 ? Path.of(args[2]) : null,
                System.out));
    }

    /**
     * Runs the evaluation and prints the report to {@code out}.
     *
     * @param gold       ground-truth JSON: {@code {id: {"articleBody": text, "url": url}}}
     * @param htmlDir    folder of {@code <id>.html.gz} pages
     * @param compareDir folder of reference outputs, or {@code null}
     * @return 0 on success, 1 when the inputs cannot be read
     */
    public static int run(Path gold, Path htmlDir, Path compareDir, PrintStream out) {
        return run(gold, htmlDir, compareDir, CleaningPolicy.newsDefaults(), out);
    }

    /** As above, cleaning with {@code policy} (an ablation switches a component off there). */
    public static int run(Path gold, Path htmlDir, Path compareDir, CleaningPolicy policy, PrintStream out) {
        try {
            Map<String, JsonNode> truth = readObject(gold);
            ArticleCleaner cleaner = new ArticleCleaner(policy);
            Map<String, String> ours = new LinkedHashMap<>();
            int unusable = 0;
            long start = System.nanoTime();
            for (Map.Entry<String, JsonNode> e : truth.entrySet()) {
                String html = readPage(htmlDir, e.getKey());
                String url = e.getValue().path("url").asText("https://example.invalid/" + e.getKey());
                if (html == null) {
                    ours.put(e.getKey(), null);
                    continue;
                }
                try {
                    ours.put(e.getKey(), cleaner.clean(RawPage.ofHtml(url, html)).text());
                } catch (UnusablePageException ex) {
                    unusable++;
                    ours.put(e.getKey(), null);
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
            outputs.put("newsflow", ours);
            if (compareDir != null) {
                outputs.putAll(readReferences(compareDir));
            }
            Map<String, Map<String, ExtractionMetric.PageScore>> scores = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, String>> o : outputs.entrySet()) {
                Map<String, ExtractionMetric.PageScore> perPage = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> t : truth.entrySet()) {
                    perPage.put(t.getKey(), ExtractionMetric.score(t.getValue().path("articleBody").asText(""),
                            o.getValue().get(t.getKey())));
                }
                scores.put(o.getKey(), perPage);
            }
            printTable(scores, out);
            out.printf(Locale.ROOT, "%nnewsflow: %d pages, %d unusable, %d ms%n", truth.size(), unusable, millis);
            printWorst(scores, out);
            return 0;
        } catch (IOException | UncheckedIOException e) {
            out.println("cannot read benchmark: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Precision, recall and F1 of each extractor on the tuning part, the validation part
     * ({@link DevelopmentSplit}) and all pages.
     */
    private static void printTable(Map<String, Map<String, ExtractionMetric.PageScore>> scores, PrintStream out) {
        out.printf(Locale.ROOT, "%-16s %-26s %-26s %-26s%n", "", "tuning F1 (P / R)", "validation F1 (P / R)", "all F1 (P / R)");
        for (Map.Entry<String, Map<String, ExtractionMetric.PageScore>> e : scores.entrySet()) {
            List<ExtractionMetric.PageScore> tuning = new ArrayList<>();
            List<ExtractionMetric.PageScore> validation = new ArrayList<>();
            e.getValue().forEach((id, s) -> (DevelopmentSplit.partOf(id).equals(DevelopmentSplit.VALIDATION)
                    ? validation : tuning).add(s));
            out.printf(Locale.ROOT, "%-16s %-26s %-26s %-26s%n", e.getKey(), cell(tuning), cell(validation),
                    cell(new ArrayList<>(e.getValue().values())));
        }
    }

    private static String cell(List<ExtractionMetric.PageScore> pages) {
        ExtractionMetric.Summary s = ExtractionMetric.summarise(pages);
        return String.format(Locale.ROOT, "%.3f (%.3f / %.3f) %d", s.f1(), s.precision(), s.recall(), s.pages());
    }

    /** The pages with the lowest F1 for newsflow relative to the best reference on each page. */
    private static void printWorst(Map<String, Map<String, ExtractionMetric.PageScore>> scores, PrintStream out) {
        Map<String, ExtractionMetric.PageScore> ours = scores.get("newsflow");
        List<String[]> rows = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        for (Map.Entry<String, ExtractionMetric.PageScore> e : ours.entrySet()) {
            if (DevelopmentSplit.partOf(e.getKey()).equals(DevelopmentSplit.VALIDATION)) {
                continue; // errors are read on the tuning part only
            }
            double best = 0;
            String bestName = "-";
            for (Map.Entry<String, Map<String, ExtractionMetric.PageScore>> o : scores.entrySet()) {
                if (!o.getKey().equals("newsflow") && o.getValue().get(e.getKey()).f1() > best) {
                    best = o.getValue().get(e.getKey()).f1();
                    bestName = o.getKey();
                }
            }
            ExtractionMetric.PageScore s = e.getValue();
            double reference = scores.size() > 1 ? best : 1.0;
            loss.add(reference - s.f1());
            rows.add(new String[] {e.getKey(), String.format(Locale.ROOT, "%.3f", s.f1()),
                String.format(Locale.ROOT, "%.3f", s.precision()), String.format(Locale.ROOT, "%.3f", s.recall()),
                String.format(Locale.ROOT, "%.3f", reference), bestName});
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -loss.get(i)));
        out.printf(Locale.ROOT, "%nworst tuning pages (F1 lost against the best reference on the page):%n");
        out.printf(Locale.ROOT, "%-18s %6s %6s %6s %9s  %s%n", "id", "F1", "P", "R", "best-ref", "by");
        for (int k = 0; k < Math.min(WORST_PAGES, order.size()); k++) {
            String[] r = rows.get(order.get(k));
            out.printf(Locale.ROOT, "%-18s %6s %6s %6s %9s  %s%n", r[0].substring(0, Math.min(16, r[0].length())),
                    r[1], r[2], r[3], r[4], r[5]);
        }
    }

    private static Map<String, Map<String, String>> readReferences(Path dir) throws IOException {
        Map<String, Map<String, String>> refs = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                Map<String, String> texts = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : readObject(f).entrySet()) {
                    JsonNode v = e.getValue();
                    texts.put(e.getKey(), v.isTextual() ? v.asText() : v.path("articleBody").asText(null));
                }
                String name = f.getFileName().toString();
                refs.put(name.substring(0, name.length() - ".json".length()), texts);
            }
        }
        return refs;
    }

    private static Map<String, JsonNode> readObject(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        Map<String, JsonNode> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The page's HTML, or {@code null} when neither {@code id.html.gz} nor {@code id.html} exists. */
    static String readPage(Path dir, String id) throws IOException {
        Path gz = dir.resolve(id + ".html.gz");
        if (Files.exists(gz)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Path plain = dir.resolve(id + ".html");
        return Files.exists(plain) ? Files.readString(plain, StandardCharsets.UTF_8) : null;
    }
}

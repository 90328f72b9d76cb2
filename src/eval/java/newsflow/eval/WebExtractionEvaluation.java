package newsflow.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.core.CleanArticle;
import newsflow.ingest.HtmlCharsets;
import newsflow.ingest.RawPage;

/**
 * The second extraction benchmark ({@code ../shared/bench/extraction-web}): raw page bytes in
 * their own encodings, each with text segments its main content must contain ({@code with})
 * and boilerplate it must not ({@code without}); trafilatura's segment metric. A page that is
 * not an article (dead-lettered) misses all its {@code with} segments.
 *
 * <p>The pages are split once by a fixed hash, {@code SHA-256(id)[0] mod 3}: 0 is the
 * validation part (about a third, never read for errors), the rest the tuning part. Figures
 * are printed for both, and the whole. The split is by page, so a site can have pages in both
 * parts; the validation figure is also given for the pages of sites with no tuning page, the
 * nearest this benchmark comes to unseen sites.
 */
public final class WebExtractionEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebExtractionEvaluation() {
    }

    /** Segment counts: with-segments found (tp) and missed (fn), without-segments found (fp). */
    record Counts(long tp, long fn, long fp, long pages, long failed) {

        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fn + o.fn, fp + o.fp, pages + o.pages, failed + o.failed);
        }

        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            return 2.0 * tp / Math.max(1, 2 * tp + fp + fn);
        }
    }

    /** Scores one page's extracted text (null: no output) against its segments. */
    static Counts score(String extracted, JsonNode with, JsonNode without) {
        String text = extracted == null ? null : normalise(extracted);
        long tp = 0;
        long fn = 0;
        long fp = 0;
        for (JsonNode s : with) {
            if (text != null && text.contains(normalise(s.asText()))) {
                tp++;
            } else {
                fn++;
            }
        }
        for (JsonNode s : without) {
            if (text != null && text.contains(normalise(s.asText()))) {
                fp++;
            }
        }
        return new Counts(tp, fn, fp, 1, extracted == null ? 1 : 0);
    }

    /** Whitespace runs as one space; soft hyphens (invisible, and dropped by the cleaner) removed. */
    static String normalise(String s) {
        return s.replace("\u00AD", "").replaceAll("\\s+", " ").strip();
    }

    public static int run(Path dir, PrintStream out) {
        return run(dir, CleaningPolicy.newsDefaults(), out);
    }

    /** As above, cleaning with {@code policy} (an ablation switches a component off there). */
    public static int run(Path dir, CleaningPolicy policy, PrintStream out) {
        try {
            JsonNode segments = JSON.readTree(dir.resolve("segments.json").toFile());
            ArticleCleaner cleaner = new ArticleCleaner(policy);
            Set<String> tuningSites = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = segments.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!DevelopmentSplit.partOf(e.getKey()).equals(DevelopmentSplit.VALIDATION)) {
                    tuningSites.add(site(e.getValue().path("url").asText("")));
                }
            }
            Counts tuning = new Counts(0, 0, 0, 0, 0);
            Counts validation = new Counts(0, 0, 0, 0, 0);
            Counts validationNewSites = new Counts(0, 0, 0, 0, 0);
            List<String> worst = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = segments.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String id = e.getKey();
                String html = html(dir, id);
                if (html == null) {
                    continue;
                }
                String extracted;
                try {
                    extracted = scoredText(cleaner.clean(RawPage.ofHtml(e.getValue().path("url").asText("file:" + id), html)));
                } catch (RuntimeException | StackOverflowError ex) {
                    extracted = null;
                }
                Counts c = score(extracted, e.getValue().path("with"), e.getValue().path("without"));
                if (DevelopmentSplit.partOf(id).equals(DevelopmentSplit.VALIDATION)) {
                    validation = validation.plus(c);
                    if (!tuningSites.contains(site(e.getValue().path("url").asText("")))) {
                        validationNewSites = validationNewSites.plus(c);
                    }
                } else {
                    tuning = tuning.plus(c);
                    if (c.fn() + c.fp() > 0) {
                        worst.add(String.format(Locale.ROOT, "%s  missed %d of %d, boilerplate %d%s", id, c.fn(),
                            c.tp() + c.fn(), c.fp(), extracted == null ? " (no article)" : ""));
                    }
                }
            }
            out.println("part         pages  failed   precision  recall    F1");
            print(out, "tuning", tuning);
            print(out, "validation", validation);
            print(out, "all", tuning.plus(validation));
            out.printf(Locale.ROOT, "(validation pages of sites with no tuning page: %d of %d, F1 %.3f, P %.3f, R %.3f)%n",
                validationNewSites.pages(), validation.pages(), validationNewSites.f1(), validationNewSites.precision(),
                validationNewSites.recall());
            out.println("(trafilatura 2.2 on the whole corpus of 990 documents: F1 0.924, P 0.906, R 0.943)");
            out.println("tuning pages with errors: " + worst.size() + (worst.isEmpty() ? "" : "; the first 10:"));
            worst.stream().limit(10).forEach(w -> out.println("  " + w));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(PrintStream out, String part, Counts c) {
        out.printf(Locale.ROOT, "%-11s %6d %7d     %.3f    %.3f   %.3f%n", part, c.pages(), c.failed(), c.precision(),
            c.recall(), c.f1());
    }

    /**
     * Page {@code id} of the benchmark in {@code dir} ({@code html/<id>.html.gz}), decoded from its
     * own encoding as a browser would; {@code null} when the benchmark has no file for it.
     */
    public static String html(Path dir, String id) throws IOException {
        Path file = dir.resolve("html").resolve(id + ".html.gz");
        if (!Files.exists(file)) {
            return null;
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return HtmlCharsets.decode(in.readAllBytes(), null);
        }
    }

    /** The host part of an absolute URL, read leniently (benchmark URLs need not be valid URIs). */
    private static final Pattern HOST = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)");

    /** A page's site: its URL's host, lower case, without {@code www.}; the URL itself if it has none. */
    static String site(String url) {
        Matcher m = HOST.matcher(url.strip());
        if (!m.find()) {
            return url;
        }
        String host = m.group(1).toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** What the metric reads of an article: its title, then its text. */
    static String scoredText(CleanArticle a) {
        return (a.title() == null ? "" : a.title() + "\n") + a.text();
    }
}

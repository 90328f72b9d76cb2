package newsflow.clean;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsflow.ingest.RawPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * First version of the clean stage: paragraphs of the {@code article} (or {@code main}, or
 * {@code body}) element of HTML pages; for scraped text, the lines that are neither icon
 * labels nor widget text. Thread-safe.
 */
public final class ArticleCleaner {

    private static final Pattern DATE = Pattern.compile("\\bdate (\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern ICON_LABEL = Pattern.compile("An icon (of|representing|used)|A decentered black square");
    private static final Pattern WIDGET = Pattern.compile("^(Loading|Follow \\w+ on|Do not miss|Did you know|Leave a Comment|Your email address)|^[.\\s\\u00a0_]*$");

    private final CleaningPolicy policy;

    public ArticleCleaner(CleaningPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Cleans one page; throws {@link UnusablePageException} when it holds no article. */
    public CleanArticle clean(RawPage page) {
        Objects.requireNonNull(page, "page");
        if (page.body().length() > policy.maxPageBytes()) {
            throw new UnusablePageException("page too large: " + page.body().length() + " chars");
        }
        return page.isHtml() ? cleanHtml(page) : cleanText(page);
    }

    private CleanArticle cleanHtml(RawPage page) {
        Document doc = Jsoup.parse(page.html(), page.url());
        doc.select("script, style, nav, header, footer, aside, form, noscript").remove();
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.selectFirst("main");
        }
        if (root == null) {
            root = doc.body();
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element p : root.select("p, h2, h3, li, blockquote")) {
            String t = p.text().trim();
            if (!t.isEmpty()) {
                paragraphs.add(t);
            }
        }
        String title = page.title() != null ? page.title() : doc.title();
        return finish(page, title.isBlank() ? null : title, null, page.publishedAt(), paragraphs);
    }

    private CleanArticle cleanText(RawPage page) {
        String title = page.title();
        String byline = null;
        String date = page.publishedAt();
        List<String> paragraphs = new ArrayList<>();
        for (String raw : page.text().split("\n")) {
            String line = raw.strip();
            if (ICON_LABEL.matcher(line).find()) {
                Matcher m = DATE.matcher(line);
                if (m.find() && date == null) {
                    date = m.group(1);
                }
                continue;
            }
            if (line.isEmpty() || WIDGET.matcher(line).find()) {
                continue;
            }
            if (line.startsWith("By ") && byline == null && paragraphs.size() <= 1) {
                byline = line.substring(3).strip();
                continue;
            }
            paragraphs.add(line);
        }
        if (title == null && paragraphs.size() > 1 && !paragraphs.get(0).matches(".*[.!?”\"]$")) {
            title = paragraphs.remove(0);
        }
        return finish(page, title, byline, date, paragraphs);
    }

    private CleanArticle finish(RawPage page, String title, String byline, String date, List<String> paragraphs) {
        String text = Normalizer.normalize(String.join("\n\n", paragraphs), Normalizer.Form.NFC).strip();
        if (text.length() < policy.minBodyChars()) {
            throw new UnusablePageException("no article body found: " + text.length()
                + " characters of text (minimum " + policy.minBodyChars() + ")");
        }
        return new CleanArticle(page.url(), title, byline, date, page.source(), page.language(), text);
    }
}
